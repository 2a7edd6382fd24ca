; A boot sector that puts the standard VGA in one mode through the VGA BIOS and fills the screen
; with a pattern that exercises the mode's whole pixel format, for comparing Mimic's screen with
; QEMU's screendump. The mode is the word at offset 0x1FC (the test patches it): below 0x100 a
; VGA mode for INT 10h AH=00h, else a VBE mode for INT 10h AX=4F02h with the linear framebuffer,
; reached through unreal mode. When the picture is done it writes "screen ready" to the debug port
; 0x402 and halts with interrupts off.
bits 16
org 0x7C00

start:
    cli
    xor ax, ax
    mov ds, ax
    mov ss, ax
    mov sp, 0x7C00
    sti
    mov ax, [mode]
    cmp ax, 0x100
    jae vbe
    int 0x10                    ; AH=00h set mode AL
    cmp byte [mode], 0x03
    je text
    cmp byte [mode], 0x13
    je chained
    cmp byte [mode], 0x06
    jbe cga

; 16-colour planar (0Dh, 12h): each plane its own byte pattern, written plane by plane with the
; sequencer's map mask in write mode 0, so every pixel's four bits vary.
planar:
    mov ax, 0xA000
    mov es, ax
    xor cx, cx
.plane:
    mov dx, 0x3C4
    mov al, 2
    mov ah, 1
    shl ah, cl
    out dx, ax                  ; SR02 map mask: plane CL only
    xor di, di
.byte:
    mov ax, di
    mov bl, 37
    mul bl
    add al, cl
    xor al, ch
    stosb
    inc ch
    cmp di, 38400
    jb .byte
    inc cl
    cmp cl, 4
    jb .plane
    jmp done

; CGA modes 04h-06h: 8000 bytes of even scan lines at B800:0000, of odd ones at B800:2000, each
; byte 37 times its offset plus 1Bh (even bank) or E4h (odd bank), so the first byte of scan line
; 0 is pixels 0, 1, 2, 3 in 2 bits per pixel and that of line 1 pixels 3, 2, 1, 0.
cga:
    mov ax, 0xB800
    mov es, ax
    xor di, di
    mov bl, 0x1B
.bank:
    xor cx, cx
.byte:
    mov al, 37
    mul cl
    add al, bl
    stosb
    inc cx
    cmp cx, 8000
    jb .byte
    mov di, 0x2000
    xor bl, 0x1B ^ 0xE4
    cmp bl, 0xE4
    je .bank
    jmp done

; Mode 13h: 320x200, one byte per pixel through the BIOS palette.
chained:
    mov ax, 0xA000
    mov es, ax
    xor di, di
.pixel:
    mov ax, di
    xor dx, dx
    mov bx, 320
    div bx                      ; AX = y, DX = x
    add al, dl
    add al, dl
    stosb
    cmp di, 64000
    jb .pixel
    jmp done

; Mode 3: every character in every colour pair below 0x80 (no blinking), the cursor hidden.
; Characters B0h-BFh are left out: QEMU repeats their eighth column in the ninth as it does for
; the line-drawing characters C0h-DFh, which the IBM VGA and Mimic do not.
text:
    mov ah, 0x01
    mov cx, 0x2000
    int 0x10
    mov ax, 0xB800
    mov es, ax
    xor di, di
    xor ax, ax
.cell:
    stosw
    inc al
    cmp al, 0xB0
    jne .colour
    mov al, 0xC0
.colour:
    inc ah
    and ah, 0x7F
    cmp di, 4000
    jb .cell
    jmp done

; A VBE mode: mode information into 0x8000, the mode set with the linear framebuffer, then every
; byte of every line a function of its offset and line, whatever the pixel format.
vbe:
    mov cx, ax
    mov ax, 0x4F01
    xor di, di
    mov es, di
    mov di, 0x8000
    int 0x10
    mov ax, 0x4F02
    mov bx, [mode]
    or bx, 0x4000
    int 0x10
    call unreal
    mov edi, [0x8000 + 0x28]    ; PhysBasePtr
    xor ebp, ebp                ; line
.line:
    xor esi, esi                ; byte in line
.linebyte:
    mov eax, esi
    imul eax, eax, 7
    add eax, ebp
    add eax, ebp
    add eax, ebp
    mov [fs:edi + esi], al
    inc esi
    movzx eax, word [0x8000 + 0x12]   ; XResolution
    movzx ebx, byte [0x8000 + 0x19]   ; BitsPerPixel
    add ebx, 7
    shr ebx, 3
    imul eax, ebx
    cmp esi, eax
    jb .linebyte
    movzx eax, word [0x8000 + 0x10]   ; BytesPerScanLine
    add edi, eax
    inc ebp
    cmp bp, [0x8000 + 0x14]           ; YResolution
    jb .line

done:
    mov si, ready
    mov dx, 0x402
.out:
    lodsb
    test al, al
    jz .halt
    out dx, al
    jmp .out
.halt:
    cli
    hlt
    jmp .halt

; FS becomes a flat 4 GiB segment that real mode keeps using (unreal mode).
unreal:
    cli
    lgdt [gdt]
    mov eax, cr0
    or al, 1
    mov cr0, eax
    jmp .pm
.pm:
    mov bx, 0x08
    mov fs, bx
    and al, 0xFE
    mov cr0, eax
    jmp .rm
.rm:
    xor bx, bx
    mov fs, bx
    sti
    ret

gdt:
    dw 15
    dd gdt
    dw 0
    dq 0x00CF92000000FFFF       ; flat data

ready: db "screen ready", 10, 0

    times 0x1FC - ($ - $$) db 0
mode: dw 0x13
    dw 0xAA55
