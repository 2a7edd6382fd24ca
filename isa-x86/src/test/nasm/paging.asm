; Paging: 4 KiB and 4 MiB pages, accessed and dirty bits, #PF error codes and CR2 with the instruction
; restarted after the handler fixes the page, CR0.WP, user/supervisor protection, INVLPG and global
; pages, self-modifying code written through a second mapping of the same physical page, and code
; behind a linear page that INVLPG or a CR3 write maps elsewhere.
%include "harness.inc"

PD      equ 0x200000            ; page directory
PT0     equ 0x201000            ; identity map of 0-4 MiB, 4 KiB pages, user and writable
PTX     equ 0x202000            ; the page table of linear 0x40000000-0x403FFFFF
PD2     equ 0x203000            ; a second address space
PTX2    equ 0x204000
X       equ 0x40000000

main:
        call setup_tables
        HANDLE 14, page_fault
        HANDLE 0x80, syscall
        USER_GATE 0x80
        ; physical pages the test mappings point to
        mov dword [0x304000], 0xCAFEBABE
        mov dword [0x303000], 0x600D0003
        mov dword [0x305000], 0x600D0005
        ; the tables
        mov edi, PD
        mov ecx, 3 * 1024
        xor eax, eax
        rep stosd
        mov dword [PD + 0], PT0 | 7
        mov dword [PD + 4], 0x400000 | 0x83           ; 4 MiB page, present, writable, supervisor
        mov dword [PD + (X >> 22) * 4], PTX | 7
        xor ecx, ecx
.id:    mov eax, ecx
        shl eax, 12
        or eax, 7
        mov [PT0 + ecx * 4], eax
        inc ecx
        cmp ecx, 1024
        jb .id
        mov dword [PTX + 0 * 4], 0x300000 | 3         ; supervisor, writable
        mov dword [PTX + 1 * 4], 0                    ; not present
        mov dword [PTX + 2 * 4], 0x301000 | 5         ; user, read-only
        mov dword [PTX + 3 * 4], 0x302000 | 3         ; supervisor only
        mov dword [PTX + 4 * 4], 0x303000 | 0x103     ; global
        mov eax, smc_page
        or eax, 3
        mov [PTX + 5 * 4], eax                        ; a second mapping of smc_page
        mov eax, PD
        mov cr3, eax
        mov eax, cr4
        or eax, 0x10                                  ; PSE
        mov cr4, eax
        mov eax, cr0
        or eax, 0x80000000
        mov cr0, eax
        SAY "paging on"

        mov dword [X], 0x11223344
        SHOW "physical behind X", [0x300000]
        SHOW "pte X a/d", [PTX + 0 * 4]
        mov dword [0x400100], 0x55667788
        SHOW "4 MiB page", [0x400100]
        SHOW "pde 4 MiB a/d", [PD + 4]
        mov eax, [X + 0x2000]
        SHOW "pte read-only a/d", [PTX + 2 * 4]

        SAY "not present"
        mov dword [pf_fix], map_page_1
        mov eax, [X + 0x1000]
        SHOW "after restart", eax

        SAY "supervisor write to a read-only page, WP clear"
        mov dword [X + 0x2000], 0x1234
        SHOW "written", [0x301000]
        SAY "with WP set"
        mov eax, cr0
        or eax, 0x10000
        mov cr0, eax
        mov dword [pf_fix], make_page_2_writable
        mov dword [X + 0x2004], 0x5678
        SHOW "after restart", [0x301004]
        mov dword [PTX + 2 * 4], 0x301000 | 5         ; read-only again
        invlpg [X + 0x2000]

        SAY "global page and invlpg"
        mov eax, cr4
        or eax, 0x80                                  ; PGE
        mov cr4, eax
        SHOW "global", [X + 0x4000]
        mov dword [PTX + 4 * 4], 0x305000 | 0x103
        invlpg [X + 0x4000]
        SHOW "after invlpg", [X + 0x4000]
        mov dword [PTX + 4 * 4], 0x303000 | 0x103
        mov eax, cr4
        and eax, ~0x80
        mov cr4, eax
        SHOW "after clearing PGE", [X + 0x4000]
        mov dword [PTX + 0 * 4], 0x304000 | 3
        mov eax, cr3
        mov cr3, eax
        SHOW "non-global after cr3 reload", [X]
        mov dword [PTX + 0 * 4], 0x300000 | 3
        mov eax, cr3
        mov cr3, eax

        SAY "self-modifying code through a second mapping"
        call smc_page
        SHOW "before", eax
        mov dword [X + 0x5000 + 1], 2
        call smc_page
        SHOW "after", eax

        SAY "code behind a remapped page"
        mov byte [0x306000], 0xB8               ; mov eax, 0xA; ret
        mov dword [0x306001], 0xA
        mov byte [0x306005], 0xC3
        mov byte [0x307000], 0xB8               ; mov eax, 0xB; ret
        mov dword [0x307001], 0xB
        mov byte [0x307005], 0xC3
        mov dword [PTX + 6 * 4], 0x306000 | 3
        call X + 0x6000
        SHOW "page a", eax
        mov dword [PTX + 6 * 4], 0x307000 | 3
        invlpg [X + 0x6000]
        call X + 0x6000
        SHOW "after invlpg", eax
        mov esi, PD                             ; a second address space where the page is A again
        mov edi, PD2
        mov ecx, 1024
        rep movsd
        mov esi, PTX
        mov edi, PTX2
        mov ecx, 1024
        rep movsd
        mov dword [PD2 + (X >> 22) * 4], PTX2 | 7
        mov dword [PTX2 + 6 * 4], 0x306000 | 3
        mov eax, PD2
        mov cr3, eax
        call X + 0x6000
        SHOW "other cr3", eax
        mov eax, PD
        mov cr3, eax
        call X + 0x6000
        SHOW "first cr3 again", eax

        SAY "user accesses"
        mov [ring0_esp], esp
        mov dword [pf_fix], 0
        TO_RING3 user
user:
        mov ax, UDATA | 3
        mov ds, ax
        mov es, ax
        mov dword [resume], .r1
        mov eax, [X + 0x3000]
.r1:    mov dword [resume], .r2
        mov dword [X + 0x2000], 1
.r2:    mov eax, [X + 0x2000]
        SHOW "user read of a user page", eax
        int 0x80

ring0:
        mov ax, KDATA
        mov ds, ax
        mov es, ax
        mov eax, cr0
        and eax, ~0x80000000
        mov cr0, eax
        SAY "paging off"
        ret

; #PF: report error code and CR2, then fix the page ([pf_fix]) and restart, or resume at [resume]
page_fault:
        mov ebx, eax
        SHOW "#PF error", [ebx + F_ERROR]
        mov eax, cr2
        SHOW "cr2", eax
        mov eax, [pf_fix]
        test eax, eax
        jz .resume
        call eax
        ret
.resume:
        mov eax, [resume]
        mov [ebx + F_EIP], eax
        ret

map_page_1:
        mov dword [PTX + 1 * 4], 0x304000 | 3
        ret

make_page_2_writable:
        mov dword [PTX + 2 * 4], 0x301000 | 7
        ret

syscall:
        mov esp, [ring0_esp]
        jmp ring0

pf_fix:    dd 0
ring0_esp: dd 0

        align 4096
smc_page:
        mov eax, 1
        ret
        align 4096
