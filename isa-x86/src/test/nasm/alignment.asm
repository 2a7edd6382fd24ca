; Alignment checking (SDM vol. 3 6.15, interrupt 17): with CR0.AM set, a misaligned data access at
; CPL 3 with EFLAGS.AC set is an #AC(0) fault (a word at an odd address, a doubleword not on 4, a
; quadword not on 8, a PUSH onto a misaligned stack); aligned ones, and misaligned ones with AC
; clear, with AM clear or at CPL 0, are not. The handler clears AC in the frame, so the access
; is made again and succeeds.
%include "harness.inc"

main:
        call setup_tables
        HANDLE 17, alignment
        USER_GATE 0x30
        HANDLE 0x30, leave_ring3
        mov [saved_esp], esp
        pushfd
        or dword [esp], 0x40000         ; AC at CPL 0: no checks
        popfd
        mov eax, cr0
        or eax, 1 << 18                 ; AM
        mov cr0, eax
        mov eax, [data + 1]
        SAY "cpl 0 misaligned: no fault"
        SAY "cpl 3, ac set"
        push UDATA | 3
        push USER_STACK
        push 0x00040002                 ; AC
        push UCODE | 3
        push user
        iret
after_user:
        mov eax, cr0
        and eax, ~(1 << 18)
        mov cr0, eax
        SAY "am clear"
        push UDATA | 3
        push USER_STACK
        push 0x00040002
        push UCODE | 3
        push user_am_clear
        iret
after_am_clear:
        SHOW "faults", [count]
        ret

user:
        mov ax, UDATA | 3
        mov ds, ax
        mov es, ax
        mov eax, [data]                 ; aligned
        mov ax, [data + 2]
        SHOW "aligned accesses, faults", [count]
word_access:
        mov ax, [data + 1]
        SHOW "faults", [count]
        pushfd
        or dword [esp], 0x40000         ; AC again
        popfd
dword_access:
        mov dword [data + 2], 0x11223344
        SHOW "faults", [count]
        pushfd
        or dword [esp], 0x40000
        popfd
qword_access:
        fld qword [data + 4]
        fstp st0
        SHOW "faults", [count]
        pushfd
        or dword [esp], 0x40000
        popfd
        mov ebp, esp
        sub esp, 2
push_access:
        push eax
        mov esp, ebp
        SHOW "faults", [count]
        pushfd
        and dword [esp], ~0x40000       ; AC clear
        popfd
        mov eax, [data + 3]
        SHOW "ac clear, faults", [count]
        int 0x30

user_am_clear:
        mov ax, UDATA | 3
        mov ds, ax
        mov eax, [data + 1]
        SHOW "am clear, faults", [count]
        mov dword [resume_to], after_am_clear
        int 0x30

leave_ring3:
        mov esp, [saved_esp]
        jmp [resume_to]

alignment:
        mov ebx, eax
        inc dword [count]
        SAY "#AC"
        SHOW "error", [ebx + F_ERROR]
        mov eax, [ebx + F_EIP]
        sub eax, main
        SHOW "eip - main", eax
        mov eax, [ebx + F_CS]
        SHOW "cs", eax
        and dword [ebx + F_EFLAGS], ~0x40000
        ret

        align 4
saved_esp: dd 0
resume_to: dd after_user
count:  dd 0
        align 16
data:   dq 0x8877665544332211, 0
