; A boot sector that writes a line straight to COM1's transmitter (port 3F8h) and exits through
; isa-debug-exit (port F4h) with status (0x21 << 1) | 1 = 67.
bits 16
org 0x7C00

start:
    xor ax, ax
    mov ds, ax
    mov si, hello
    mov dx, 0x3F8
.next:
    lodsb
    test al, al
    jz .done
    out dx, al
    jmp .next
.done:
    mov al, 0x21
    out 0xF4, al
.hang:
    hlt
    jmp .hang

hello: db "hello from 0000:7C00", 13, 10, 0

    times 510 - ($ - $$) db 0
    dw 0xAA55
