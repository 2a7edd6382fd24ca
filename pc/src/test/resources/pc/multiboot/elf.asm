; A multiboot kernel in ELF form (no a.out kludge): the loader places its segments by their
; physical addresses. Prints the magic, its entry address and a BSS word, then exits through
; isa-debug-exit. Link: ld -m elf_i386 -n -Ttext=0x100000 -e start (-n: no segment for the ELF
; headers, which would land below 1 MiB in the BIOS).
        bits 32
        section .text
        align 4
header:
        dd 0x1BADB002
        dd 0x00000003                   ; page-aligned modules, memory information
        dd -(0x1BADB002 + 0x00000003)

        global start
start:
        mov esp, stack_top
        mov [magic], eax
        mov esi, text
        call puts
        mov eax, [magic]
        call puthex
        mov eax, start
        call puthex
        mov eax, [bss_word]
        call puthex
        mov al, 10
        out dx, al
        mov al, 0
        out 0xF4, al
.halt:  hlt
        jmp .halt

puts:   lodsb
        test al, al
        jz .done
        mov dx, 0x3F8
        out dx, al
        jmp puts
.done:  ret

puthex: mov ecx, 8
        mov ebx, eax
.digit: rol ebx, 4
        mov eax, ebx
        and eax, 15
        mov al, [digits + eax]
        mov dx, 0x3F8
        out dx, al
        loop .digit
        mov al, ' '
        out dx, al
        ret

        section .data
text:   db "ELF multiboot kernel: ", 0
digits: db "0123456789ABCDEF"

        section .bss
magic:  resd 1
bss_word: resd 1
        resb 4096
stack_top:
