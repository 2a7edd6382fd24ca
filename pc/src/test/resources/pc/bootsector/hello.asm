; A boot sector for a BIOS: prints what the BIOS told it (the boot drive in DL, base memory from
; INT 12h) and the text of the disk's second sector, read with INT 13h, all through INT 10h
; teletype output, then asks the emulator to exit (isa-debug-exit, status (0x10 << 1) | 1 = 33).
; Under -nographic SeaBIOS's serial console carries INT 10h output to COM1.
bits 16
org 0x7C00
%include "announce.mac"

start:
    announce_drive

    int 0x12
    push ax
    mov si, memory
    call print
    pop ax
    call hex16
    call newline

    mov ax, 0x0201              ; read one sector
    mov bx, 0x7E00
    mov cx, 0x0002              ; cylinder 0, sector 2
    xor dh, dh                  ; head 0
    mov dl, [drive]
    int 0x13
    jc .failed
    mov si, 0x7E00
    call print
    mov al, 0x10
    jmp exit
.failed:
    mov si, failed
    call print
    mov al, 0x11
%include "boot.inc"

hello:  db "boot sector: drive ", 0
memory: db "base memory KiB: ", 0
failed: db "INT 13h read failed", 13, 10, 0
drive:  db 0

    times 510 - ($ - $$) db 0
    dw 0xAA55

second:
    db "sector 2 read through INT 13h", 13, 10, 0
    times 1024 - ($ - $$) db 0
