; Segment loads with descriptor checks (#GP, #NP with selector error codes) and the descriptor-examining
; instructions LAR, LSL, VERR, VERW and ARPL.
%include "harness.inc"

main:
        call setup_tables
        HANDLE 13, report_and_resume
        HANDLE 11, report_and_resume
        HANDLE 12, report_and_resume

        mov [saved_esp], esp
        SAY "selector beyond the gdt"
        mov dword [resume], .r3
        mov ax, 0x1000
        mov ds, ax
        SAY "not reached"
.r3:    SAY "not present"
        mov dword [resume], .r4
        mov ax, ABSENT
        mov ds, ax
        SAY "not reached"
.r4:    SAY "code segment into ss"
        mov dword [resume], .r5
        mov ax, KCODE
        mov ss, ax
        SAY "not reached"
.r5:    SAY "user data at cpl 0 with rpl 0 into ss"
        mov dword [resume], .r6
        mov ax, UDATA
        mov ss, ax
        SAY "not reached"
.r6:    SAY "null into ss"
        mov dword [resume], .r7
        xor eax, eax
        mov ss, ax
        SAY "not reached"
.r7:    SAY "far jump to a data segment"
        mov dword [resume], .r10
        jmp KDATA:0
.r10:   SAY "lar, lsl, verr, verw"
        mov ax, KDATA
        mov ds, ax
        mov es, ax
        mov ebx, KCODE
        call examine
        mov ebx, UDATA
        call examine
        mov ebx, TSS_MAIN
        call examine
        mov ebx, GATE3
        call examine
        mov ebx, SMALL
        call examine
        mov ebx, 0x1000
        call examine
        SAY "arpl"
        mov ax, 0x0010
        mov cx, 0x0003
        arpl ax, cx
        setz bl
        movzx ebx, bl
        movzx eax, ax
        SHOW "arpl result", eax
        SHOW "arpl zf", ebx
        mov esp, [saved_esp]
        ret

saved_esp: dd 0

; examine: LAR, LSL, VERR and VERW of selector EBX; ZF as 1 or 0 after each
examine:
        mov eax, ebx
        SHOW "selector", eax
        mov edx, 0xEEEEEEEE
        lar edx, ebx
        setz cl
        movzx ecx, cl
        and edx, ~0x100                 ; the accessed bit: QEMU leaves it clear on CS loads
        SHOW "lar zf", ecx
        SHOW "lar", edx
        mov edx, 0xEEEEEEEE
        lsl edx, ebx
        setz cl
        movzx ecx, cl
        SHOW "lsl zf", ecx
        SHOW "lsl", edx
        verr bx
        setz cl
        movzx ecx, cl
        SHOW "verr", ecx
        verw bx
        setz cl
        movzx ecx, cl
        SHOW "verw", ecx
        ret
