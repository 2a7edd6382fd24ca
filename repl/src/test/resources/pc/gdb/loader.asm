; A 64 KiB stand-in for SeaBIOS, for debugging a PC's reset and boot under gdb: from the reset
; vector (F000:FFF0) it copies the boot sector below to 0000:7C00 and jumps there with DL = 80h,
; as a BIOS does. The boot sector says hello on COM1 and exits through isa-debug-exit with status
; (0x21 << 1) | 1 = 67. Neither needs a timer or an interrupt: under gdb the stub runs the
; processor alone.
bits 16
org 0

loader:
    cli
    cld
    mov ax, cs
    mov ds, ax
    xor ax, ax
    mov es, ax
    mov ss, ax
    mov sp, 0x7C00
    mov si, boot_sector
    mov di, 0x7C00
    mov cx, 512
    rep movsb
    mov dl, 0x80
    jmp 0:0x7C00

boot_sector:
incbin "bootsector.bin"

    times 0xFFF0 - ($ - $$) db 0xF4
reset:
    jmp 0xF000:loader
    times 0x10000 - ($ - $$) db 0xF4
