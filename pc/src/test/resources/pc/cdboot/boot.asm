; An El Torito no-emulation boot image (xorriso -as mkisofs -b boot.bin -no-emul-boot
; -boot-load-size 4): the BIOS loads its first 2 KiB to 0000:7C00. It prints the drive the BIOS
; gave it in DL, reads the disc's primary volume descriptor (LBA 16) with INT 13h's extended read
; (AH=42h, 2048-byte sectors) and prints its identifier, all through INT 10h teletype output (on
; COM1 under -nographic), then exits through isa-debug-exit, status (0x12 << 1) | 1 = 37.
bits 16
org 0x7C00
%include "announce.mac"

start:
    announce_drive

    mov ah, 0x42
    mov dl, [drive]
    mov si, packet
    int 0x13
    jc .failed
    mov si, volume
    call print
    mov byte [0x8000 + 6], 0    ; "CD001" ends where the version byte was
    mov si, 0x8000 + 1
    call print
    call newline
    mov si, bye
    call print
    mov al, 0x12
    jmp exit
.failed:
    mov si, failed
    call print
    mov al, 0x13
%include "boot.inc"

hello:  db "El Torito boot image: drive ", 0
volume: db "volume descriptor: ", 0
failed: db "INT 13h extended read failed", 13, 10, 0
bye:    db "exiting", 13, 10, 0     ; the last few bytes are still in the UART when the PC ends
drive:  db 0

; INT 13h AH=42h disk address packet: one sector at LBA 16 to 0000:8000.
packet:
    db 16, 0
    dw 1
    dw 0x8000, 0
    dq 16

    times 2048 - ($ - $$) db 0
