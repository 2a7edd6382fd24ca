; Privilege changes: IRET to ring 3, INT n through a DPL 3 interrupt gate back to ring 0 and IRET to
; ring 3, a far CALL through a call gate with its stack switch and the RETF back, SYSENTER and SYSEXIT,
; and the #GP of privileged and IOPL-sensitive instructions at CPL 3.
%include "harness.inc"


main:
        call setup_tables
        USER_GATE 0x80
        HANDLE 0x80, syscall
        HANDLE 13, report_and_resume
        mov ecx, 0x174                  ; SYSENTER_CS, SYSENTER_ESP, SYSENTER_EIP
        mov eax, KCODE
        xor edx, edx
        wrmsr
        inc ecx
        mov eax, RING0_STACK - 0x400
        wrmsr
        inc ecx
        mov eax, sysenter_target
        wrmsr
        mov [ring0_esp], esp
        SAY "to ring 3"
        TO_RING3 user

user:
        mov ax, UDATA | 3
        mov ds, ax
        mov es, ax
        mov eax, cs
        and eax, 3
        SHOW "user cpl", eax
        mov eax, 1
        int 0x80
        SAY "back in ring 3"
        mov eax, esp
        SHOW "user esp", eax
        mov eax, ds
        SHOW "user ds", eax
        call GATE3 | 3:0
        SAY "returned from the call gate"
        mov eax, esp
        SHOW "user esp", eax
        mov eax, ss
        SHOW "user ss", eax
        SAY "int 0x81 through a DPL 0 gate"
        mov dword [resume], .r1
        int 0x81
.r1:    SAY "cli"
        mov dword [resume], .r2
        cli
.r2:    SAY "in from a port the bitmap denies"
        mov dword [resume], .r3
        in al, 0x80
.r3:    SAY "mov from cr0"
        mov dword [resume], .r4
        mov eax, cr0
.r4:    SAY "hlt"
        mov dword [resume], .r5
        hlt
.r5:    SAY "lgdt"
        mov dword [resume], .r6
        lgdt [gdtr]
.r6:    SAY "popf cannot set IF or IOPL"
        pushfd
        or dword [esp], 0x3200
        popfd
        pushfd
        pop eax
        and eax, 0x3200
        SHOW "eflags.if.iopl", eax
        SAY "sysenter"
        mov ecx, esp
        mov edx, .r7
        sysenter
.r7:    mov eax, cs
        SHOW "after sysexit cs", eax
        mov eax, ss
        SHOW "after sysexit ss", eax
        mov eax, 2
        int 0x80

ring0:
        SAY "back in ring 0"
        mov eax, cs
        SHOW "cs", eax
        mov ax, KDATA
        mov ds, ax
        mov es, ax
        ret

sysenter_target:
        mov eax, cs
        SHOW "sysenter cs", eax
        mov eax, ss
        SHOW "sysenter ss", eax
        mov eax, esp
        SHOW "sysenter esp", eax
        sysexit

; INT 0x80: EAX 1 reports the frame, 2 leaves ring 3 for good
syscall:
        mov ebx, eax
        cmp dword [ebx + F_EAX], 2
        je .exit
        SAY "syscall"
        mov eax, cs
        SHOW "handler cs", eax
        mov eax, ss
        SHOW "handler ss", eax
        SHOW "frame cs", [ebx + F_CS]
        SHOW "frame ss", [ebx + F_SS]
        SHOW "frame esp", [ebx + F_ESP]
        mov eax, [ebx + F_EFLAGS]
        and eax, ~0x10000               ; RF, which QEMU does not set in a fault's frame
        SHOW "frame eflags", eax
        mov eax, ebx
        SHOW "frame at", eax
        ret
.exit:  mov esp, [ring0_esp]
        jmp ring0

ring0_esp: dd 0
