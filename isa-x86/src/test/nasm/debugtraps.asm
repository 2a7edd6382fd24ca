; Debug exceptions QEMU's TCG does not model, checked against the manuals (SDM vol. 3 17.2-17.3):
; general detect (DR7.GD: a MOV to or from a debug register is a #DB fault with DR6.BD set and GD
; cleared on entry to the handler); the task-switch trap (a TSS with its T bit set: #DB before the
; new task's first instruction, DR6.BT); RF set in the EFLAGS image of every fault (17.3.1.1), so
; an instruction breakpoint on the restarted instruction does not fire again, and in no trap's.
%include "harness.inc"

B_STACK equ 0x8D000

main:
        call setup_tables
        HANDLE 1, debug
        xor eax, eax
        mov dr6, eax
        ; general detect
        SAY "general detect"
        mov eax, 0x2000                 ; GD
        mov dr7, eax
gd_mov: mov eax, dr0
        SHOW "hits", [count]
        mov eax, dr7
        SHOW "dr7 after", eax
        ; task-switch trap
        mov dword [count], 0
        SAY "task switch into a TSS with T set"
        mov edi, b_tss
        mov ebx, task_b
        mov edx, B_STACK
        call make_tss
        mov word [b_tss + 0x64], 1      ; T
        call TSS_B:0
        SAY "back from task b"
        SHOW "hits", [count]
        ; RF in the frames of a fault and of a trap
        SAY "rf in a fault's frame and a trap's"
        HANDLE 13, gp
        HANDLE 3, breakpoint
        mov dword [resume], after_fault
        mov ds, [bad_selector]
after_fault:
        int3
        ret

task_b:
        SAY "in task b"
        iret

gp:
        mov ebx, eax
        mov eax, [ebx + F_EFLAGS]
        and eax, 0x10000
        SHOW "#GP, frame rf", eax
        mov eax, [resume]
        mov [ebx + F_EIP], eax
        ret

breakpoint:
        mov ebx, eax
        mov eax, [ebx + F_EFLAGS]
        and eax, 0x10000
        SHOW "#BP, frame rf", eax
        ret

debug:
        mov ebx, eax
        inc dword [count]
        mov ecx, main
        call report_debug
        str ax
        movzx eax, ax
        SHOW "tr", eax
        ret

count:  dd 0
bad_selector: dw 0x1000
