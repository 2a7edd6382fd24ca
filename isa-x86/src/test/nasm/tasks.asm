; Hardware task switches: CALL to a TSS and the IRET that returns (NT, the back link, busy bits, the
; state saved in the TSS), and a double fault delivered through a task gate to its own task.
%include "harness.inc"

B_STACK equ 0x8D000

main:
        call setup_tables
        mov edi, b_tss
        mov ebx, task_b
        mov edx, B_STACK
        call make_tss
        mov edi, df_tss
        mov ebx, double_fault
        mov edx, DF_STACK
        call make_tss
        SAY "call task b"
        mov esi, 0x5151
        call TSS_B:0
        SAY "back from task b"
        call show_task_state
        SAY "call task b again"
        call TSS_B:0
        SAY "back again"
        ; the double-fault task gate, and a #GP whose gate is not present
        mov dword [IDT + 8 * 8], 0
        mov dword [IDT + 8 * 8 + 4], 0x8500
        mov word [IDT + 8 * 8 + 2], TSS_DF
        and byte [IDT + 13 * 8 + 5], 0x7F
        SAY "#GP with its gate not present"
        mov ax, 0x1000
fault:  mov ds, ax
        SAY "not reached"
        ret

show_task_state:
        call show_task
        movzx eax, byte [gdt + TSS_B + 5]
        SHOW "task b descriptor type", eax
        ret

task_b:
        SAY "in task b"
        call show_task_state
        movzx eax, word [b_tss]
        SHOW "back link", eax
        SHOW "caller esi", [main_tss + 0x40]
        iret
        SAY "task b again"
        call show_task_state
        iret

double_fault:
        SAY "double fault"
        pop eax
        SHOW "error code", eax
        call show_task_state
        movzx eax, word [df_tss]
        SHOW "back link", eax
        mov eax, [main_tss + 0x20]
        sub eax, fault
        SHOW "saved eip - fault", eax
        jmp exit_ok
