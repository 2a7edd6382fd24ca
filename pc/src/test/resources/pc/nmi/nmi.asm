; A boot sector that points the IVT's NMI entry (vector 2) at a handler, says 'W' on COM1 and
; spins with interrupts disabled. The handler says 'N' and exits through isa-debug-exit with
; 0x4E, so the run ends with status 0x9D only if an NMI arrived.
bits 16
org 0x7C00

start:
    cli
    xor ax, ax
    mov ds, ax
    mov word [2 * 4], nmi
    mov word [2 * 4 + 2], 0
    mov dx, 0x3F8
    mov al, 'W'
    out dx, al
.spin:
    jmp .spin

nmi:
    mov dx, 0x3F8
    mov al, 'N'
    out dx, al
    mov al, 0x4E
    out 0xF4, al
.hang:
    jmp .hang

    times 510 - ($ - $$) db 0
    dw 0xAA55
