; A 64 KiB stand-in for a BIOS whose code turns paging on, for reading memory under gdb through
; the guest's page tables: linear 0x400000 maps to physical 0x20000, which holds 11 22 33 44 and
; then a zero dword, while physical 0x400000 stays zero. At F000:1100 (linear 0xF1100, paging on)
; the code reads the dword at linear 0x400004 and writes its low byte to isa-debug-exit, so gdb
; writing 0x21 there through linear addresses makes mimic end with status (0x21 << 1) | 1 = 67.
bits 16
org 0

PAGE_DIRECTORY equ 0x10000
TABLE_LOW      equ 0x11000      ; identity map of the first 4 MiB
TABLE_HIGH     equ 0x12000      ; linear 0x400000: one page, at DATA
DATA           equ 0x20000
BASE           equ 0xF0000      ; where this ROM's offsets are in the address space

loader:
    cli
    cld
    mov ax, PAGE_DIRECTORY >> 4
    mov es, ax
    mov dword [es:0], TABLE_LOW | 3
    mov dword [es:4], TABLE_HIGH | 3
    mov di, TABLE_LOW - PAGE_DIRECTORY
    mov eax, 3
    mov cx, 1024
.identity:
    stosd
    add eax, 0x1000
    loop .identity
    mov dword [es:TABLE_HIGH - PAGE_DIRECTORY], DATA | 3
    mov ax, DATA >> 4
    mov es, ax
    mov dword [es:0], 0x44332211
    mov dword [es:4], 0
    mov ax, cs
    mov ds, ax
    lgdt [gdt_pointer]
    mov eax, cr0
    or al, 1
    mov cr0, eax
    jmp dword 0x08:BASE + protected

bits 32
protected:
    mov ax, 0x10
    mov ds, ax
    mov es, ax
    mov ss, ax
    mov eax, PAGE_DIRECTORY
    mov cr3, eax
    mov eax, cr0
    or eax, 0x8000_0000
    mov cr0, eax
    jmp paged

align 8
gdt:
    dq 0
    dq 0x00CF_9A00_0000_FFFF     ; 0x08: flat 32-bit code
    dq 0x00CF_9200_0000_FFFF     ; 0x10: flat data
gdt_pointer:
    dw 3 * 8 - 1
    dd BASE + gdt

    times 0x1100 - ($ - $$) db 0xF4
paged:
    mov eax, [0x400004]
    out 0xF4, al
    hlt

    times 0xFFF0 - ($ - $$) db 0xF4
bits 16
reset:
    jmp 0xF000:loader
    times 0x10000 - ($ - $$) db 0xF4
