; Maskable interrupts from the test board's request port 0xF8 (QEMU has no such device, so this image
; is compared with interrupts.expected): masked while IF is clear, taken one instruction after STI,
; waking HLT, IRET's restored IF, and a trap gate that leaves IF set.
%include "harness.inc"

RAISE equ 0xF8

main:
        call setup_tables
        HANDLE 0x40, irq
        HANDLE 0x41, irq
        mov ecx, 0x41
        mov eax, [stubs + 0x41 * 4]
        mov edx, 0x8F00                 ; a trap gate: IF stays set in the handler
        call set_gate
        SAY "request with IF clear"
        mov al, 0x40
        out RAISE, al
        nop
        nop
        SAY "still masked"
        sti
        SAY "one instruction after sti"
        cli
        SAY "hlt wakes"
        mov al, 0x40
        out RAISE, al
        sti
        hlt
        SAY "after hlt"
        SAY "int 0x41 through a trap gate"
        int 0x41
        cli
        pushfd
        pop eax
        and eax, 0x200
        SHOW "if", eax
        ret

irq:
        mov ebx, eax
        SAY "interrupt"
        SHOW "vector", [ebx + F_VECTOR]
        SHOW "error", [ebx + F_ERROR]
        mov eax, [ebx + F_EFLAGS]
        and eax, 0x200
        SHOW "interrupted if", eax
        pushfd
        pop eax
        and eax, 0x200
        SHOW "handler if", eax
        ret
