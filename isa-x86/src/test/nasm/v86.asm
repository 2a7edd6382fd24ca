; Virtual-8086 mode: entered by IRET with VM set, left by a #GP to a ring 0 monitor (no IVT is used)
; that inspects the faulting instruction, with the v86 segment registers in the frame. With IOPL 0,
; INT n, CLI, PUSHF and HLT fault and port I/O follows the TSS bitmap; with IOPL 3, INT n goes through
; a DPL 3 IDT gate to ring 0 and IRET returns to v86.
%include "harness.inc"

V86_STACK equ 0x6F00

main:
        call setup_tables
        COPY_LOW
        HANDLE 13, monitor
        HANDLE 0x22, int22
        USER_GATE 0x22
        mov word [0x7F00], 0xBEEF
        mov [saved_esp], esp
        SAY "v86 with iopl 0"
        mov eax, 0x00020002
        call enter_v86
after_first:
        SAY "v86 with iopl 3"
        mov eax, 0x00023002
        call enter_v86
after_second:
        SAY "back in protected mode"
        ret

; enter_v86: IRET to v86 code at 0000:v86_code with EFLAGS EAX
enter_v86:
        ENTER_V86 eax

; #GP from v86: look at the instruction at CS:IP
monitor:
        mov ebx, eax
        call v86_fault_opcode
        SHOW "error", [ebx + F_ERROR]
        cmp al, 0xF4
        je .leave
        cmp al, 0xCD
        jne .one
        movzx eax, byte [esi + 1]
        SHOW "int", eax
        add dword [ebx + F_EIP], 2
        ret
.one:   cmp al, 0xE4
        je .two
        inc dword [ebx + F_EIP]
        ret
.two:   add dword [ebx + F_EIP], 2
        ret
.leave: SHOW "v86 es", [ebx + F_V86_ES]
        SHOW "v86 ds", [ebx + F_V86_DS]
        SHOW "v86 fs", [ebx + F_V86_FS]
        SHOW "v86 gs", [ebx + F_V86_GS]
        SHOW "v86 ss", [ebx + F_SS]
        SHOW "v86 esp", [ebx + F_ESP]
        mov eax, [ebx + F_EFLAGS]
        and eax, ~0x10000               ; RF, which QEMU does not set in a fault's frame
        SHOW "eflags", eax
        mov esp, [saved_esp]
        test eax, 0x3000
        jz after_first
        jmp after_second

; INT 0x22 from v86 through a DPL 3 gate
int22:
        mov ebx, eax
        SAY "int 0x22 from v86"
        SHOW "eflags", [ebx + F_EFLAGS]
        SHOW "cs", [ebx + F_CS]
        SHOW "v86 ds", [ebx + F_V86_DS]
        SHOW "pushed ds", [ebx + 36]
        mov eax, ds
        SHOW "handler ds", eax
        add dword [ebx + F_EAX], 1
        ret

saved_esp: dd 0

section low vstart=LOW_BASE follows=.text
        bits 16
v86_code:
        SAY16 "in v86"
        mov eax, [0x0F00]               ; DS = 0x0700: linear 0x7F00
        SHOW16 "ds:0f00", eax
        mov eax, cs
        SHOW16 "cs", eax
        pushfd
        pop eax
        SHOW16 "flags", eax
        int 0x21
        int3                            ; not IOPL-sensitive: through IDT gate 3, whose DPL 0 refuses it
        cli
        in al, 0x80
        mov ax, 41
        int 0x22
        SHOW16 "ax after int 0x22", eax
        hlt
        LOW_HELPERS
low_end:
