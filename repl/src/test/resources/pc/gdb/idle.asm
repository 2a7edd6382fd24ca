; A boot sector that says "idling" on COM1, then waits in HLT for interrupts forever, as an idle
; kernel does: only gdb's Ctrl-C stops it.
bits 16
org 0x7C00

start:
    xor ax, ax
    mov ds, ax
    mov si, idling
    mov dx, 0x3F8
.next:
    lodsb
    test al, al
    jz .idle
    out dx, al
    jmp .next
.idle:
    sti
    hlt
    jmp .idle

idling: db "idling", 13, 10, 0

    times 510 - ($ - $$) db 0
    dw 0xAA55
