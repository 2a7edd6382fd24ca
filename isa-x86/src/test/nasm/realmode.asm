; Back to real mode from protected mode (through a 16-bit protected-mode segment, clearing PE), the
; real-mode IVT for INT n and exceptions, 16-bit addressing and segment arithmetic, and protected mode
; entered again.
%include "harness.inc"

main:
        call setup_tables
        COPY_LOW
        mov [saved_esp], esp
        SAY "to 16-bit protected mode"
        jmp CODE16:pm16

back32:
        mov ax, KDATA
        mov ds, ax
        mov es, ax
        mov ss, ax
        mov esp, [saved_esp]
        lidt [idtr]
        SAY "protected mode again"
        mov eax, cr0
        and eax, 1
        SHOW "cr0.pe", eax
        ret

saved_esp: dd 0

section low vstart=LOW_BASE follows=.text
        bits 16
pm16:
        mov ax, DATA16
        mov ds, ax
        mov es, ax
        mov ss, ax
        mov eax, cr0
        and eax, ~1
        mov cr0, eax
        jmp 0:real
real:
        xor ax, ax
        mov ds, ax
        mov es, ax
        mov ss, ax
        mov sp, 0x6F00
        lidt [rm_idtr]
        SAY16 "real mode"
        mov word [0x50 * 4], int50
        mov word [0x50 * 4 + 2], 0
        mov word [6 * 4], invalid
        mov word [6 * 4 + 2], 0
        mov word [0 * 4], divide
        mov word [0 * 4 + 2], 0
        sti
        mov bx, 0x1234
        int 0x50
        SHOW16 "bx after int 0x50", ebx
        SHOW16 "sp", esp
        ud2
        SAY16 "after ud2"
        xor dx, dx
        mov ax, 1
        xor cx, cx
        div cx
        SAY16 "after divide error"
        cli
        mov ax, 0x0700
        mov ds, ax
        mov eax, [0x0010]
        SHOW16 "0700:0010", eax
        mov ax, 0xFFFF
        mov es, ax
        mov eax, [es:0x7020]
        SHOW16 "ffff:7020", eax
        xor ax, ax
        mov ds, ax
        mov es, ax
        push word 0x5678
        pop ax
        SHOW16 "push/pop", eax
        mov eax, cs
        SHOW16 "cs", eax
        mov dword [cs:0x7F00], 0x1234ABCD       ; real mode does not check segment types: CS is writable
        mov eax, [cs:0x7F00]
        SHOW16 "written through cs", eax
        SAY16 "to protected mode"
        o32 lgdt [rm_gdtr]
        mov eax, cr0
        or eax, 1
        mov cr0, eax
        jmp dword KCODE:back32

int50:
        SAY16 "int 0x50"
        push bp
        mov bp, sp
        mov ax, [bp + 6]                ; the pushed FLAGS
        and ax, 0x0200
        SHOW16 "pushed if", eax
        pushf
        pop ax
        and ax, 0x0200
        SHOW16 "handler if", eax
        mov ax, [bp + 4]
        SHOW16 "pushed cs", eax
        pop bp
        add bx, 1
        iret

invalid:
        SAY16 "#UD"
        push bp
        mov bp, sp
        add word [bp + 2], 2            ; skip UD2
        pop bp
        iret

divide:
        SAY16 "#DE"
        push bp
        mov bp, sp
        add word [bp + 2], 2            ; skip DIV CX
        pop bp
        iret

        LOW_HELPERS

rm_idtr: dw 0x3FF
         dd 0
rm_gdtr: dw gdt_end - gdt - 1
         dd gdt
low_end:
