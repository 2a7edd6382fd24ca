; A boot sector that says 'T' on COM1 and triple-faults: with an IVT limit of 0, INT3 raises #GP,
; its delivery #GP again (a double fault), and delivering the double fault #GP a third time.
bits 16
org 0x7C00

start:
    cli
    xor ax, ax
    mov ds, ax
    mov dx, 0x3F8
    mov al, 'T'
    out dx, al
    lidt [empty]
    int3
.hang:
    hlt
    jmp .hang

empty:
    dw 0
    dd 0

    times 510 - ($ - $$) db 0
    dw 0xAA55
