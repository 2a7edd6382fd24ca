; A boot sector that waits for the BIOS's timer tick count (0040:006C, counted by the IRQ 0
; handler) to change, then writes 1234h to the word at 7D00h and exits through isa-debug-exit
; (port F4h) with status (0x22 << 1) | 1 = 69. Under gdb the write happens only if device time
; runs while gdb continues.
bits 16
org 0x7C00

start:
    xor ax, ax
    mov ds, ax
    mov ax, [0x046C]
.wait:
    sti
    hlt
    cmp ax, [0x046C]
    je .wait
    mov word [flag], 0x1234
    mov al, 0x22
    out 0xF4, al
.hang:
    cli
    hlt
    jmp .hang

    times 0x100 - ($ - $$) db 0
flag: dw 0

    times 510 - ($ - $$) db 0
    dw 0xAA55
