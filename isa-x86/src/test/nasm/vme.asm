; Virtual-8086 mode extensions and protected-mode virtual interrupts (SDM vol. 3 20.3-20.4), which
; QEMU's TCG does not model (with CR4.VME set, CLI in virtual-8086 mode still faults there), against
; a golden file. In v86 with IOPL 0 and CR4.VME: CLI and STI work on VIF; the 16-bit PUSHF pushes
; VIF as IF and IOPL as 3, POPF puts IF into VIF; PUSHFD and POPFD still fault; STI while the
; monitor has set VIP faults; INT n with its bit clear in the TSS's redirection bitmap goes through
; the v86 vector table at 0 (FLAGS pushed as PUSHF would, VIF cleared) and its handler's 16-bit IRET
; comes back, while INT n with its bit set faults. At CPL 3 with CR4.PVI and IOPL 0, CLI and STI work
; on VIF.
%include "harness.inc"

V86_STACK equ 0x6F00
REDIRECTION equ main_tss + 0x68 - 32    ; the bitmap below the I/O map base (TSS fields no switch uses here)

main:
        call setup_tables
        COPY_LOW
        HANDLE 13, monitor
        USER_GATE 0x30
        HANDLE 0x30, leave_ring3
        mov word [0x21 * 4], v86_int21  ; the v86 task's vector table at linear 0
        mov word [0x21 * 4 + 2], 0
        or byte [REDIRECTION + 0x22 / 8], 1 << (0x22 % 8)       ; INT 0x22 is not redirected
        mov eax, cr4
        or eax, 3                       ; VME, PVI
        mov cr4, eax
        mov [saved_esp], esp
        SAY "v86 with iopl 0 and vme"
        ENTER_V86 0x00020202            ; VM, IF, IOPL 0
after_v86:
        SAY "ring 3 with iopl 0 and pvi"
        TO_RING3 user
after_user:
        ret

user:
        mov ax, UDATA | 3
        mov ds, ax
        mov es, ax
        pushfd
        pop eax
        SHOW "eflags", eax
        cli
        pushfd
        pop eax
        SHOW "eflags after cli", eax
        sti
        pushfd
        pop eax
        SHOW "eflags after sti", eax
        int 0x30

leave_ring3:
        mov esp, [saved_esp]
        jmp after_user

; #GP from v86: report the instruction; PUSHFD makes a virtual interrupt pending, STI with it
; pending delivers it (VIP cleared, VIF set, STI skipped), HLT leaves
monitor:
        mov ebx, eax
        call v86_fault_opcode
        SHOW "frame eflags", [ebx + F_EFLAGS]
        cmp al, 0xF4
        je .leave
        cmp al, 0xFB
        je .sti
        cmp al, 0xCD
        je .int
        cmp al, 0x66
        jne .one
        or dword [ebx + F_EFLAGS], 1 << 20      ; VIP
        add dword [ebx + F_EIP], 2
        ret
.sti:   and dword [ebx + F_EFLAGS], ~(1 << 20)
        or dword [ebx + F_EFLAGS], 1 << 19
.one:   inc dword [ebx + F_EIP]
        ret
.int:   add dword [ebx + F_EIP], 2
        ret
.leave: mov esp, [saved_esp]
        jmp after_v86

saved_esp: dd 0

section low vstart=LOW_BASE follows=.text
        bits 16
v86_code:
        SAY16 "in v86"
        pushf
        pop ax
        SHOW16 "flags", eax
        cli
        pushf
        pop ax
        SHOW16 "flags after cli", eax
        sti
        pushf
        pop ax
        SHOW16 "flags after sti", eax
        push word 0
        popf
        pushf
        pop ax
        SHOW16 "flags after popf 0", eax
        sti
        mov ax, 41
        int 0x21
        SHOW16 "ax after int 0x21", eax
        pushf
        pop ax
        SHOW16 "flags after int 0x21", eax
        int 0x22
        pushfd                          ; faults; the monitor sets VIP
        sti                             ; faults: VIP
        pushf
        pop ax
        SHOW16 "flags after the monitor's sti", eax
        hlt

v86_int21:
        SAY16 "v86 int 0x21"
        push bp
        mov bp, sp
        mov bx, [bp + 6]
        SHOW16 "pushed flags", ebx
        pop bp
        pushf
        pop bx
        SHOW16 "handler flags", ebx
        inc ax
        iret
        LOW_HELPERS
low_end:
