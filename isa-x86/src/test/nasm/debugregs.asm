; Instruction breakpoints in DR0-DR3 (SDM vol. 3 17.2, 17.3.1.1): a #DB fault before the
; instruction at DR0's address runs, DR6 B0 saying which matched, the handler's RF in the pushed
; EFLAGS letting IRET resume there without a second hit; a breakpoint on a loop body fires on
; every pass; a disabled one and one of type data write do not fire on execution.
%include "harness.inc"

main:
        call setup_tables
        HANDLE 1, debug
        mov eax, target
        mov dr0, eax
        xor eax, eax
        mov dr6, eax
        mov eax, 0x00000002             ; G0, R/W0 = 00 (execute), LEN0 = 00
        mov dr7, eax
        mov ebx, 0
target: inc ebx
        inc ebx
        SHOW "hits", [count]
        SHOW "ebx", ebx
        ; DR1 on a loop body: three passes, three hits
        mov dword [count], 0
        mov eax, body
        mov dr1, eax
        mov eax, 0x00000008             ; G1 only
        mov dr7, eax
        mov ecx, 3
body:   dec ecx
        jnz body
        SHOW "loop hits", [count]
        ; DR0 on a called routine: disabled, then of type write: no hit; then of type execute: one
        mov dword [count], 0
        mov eax, target_call
        mov dr0, eax
        xor eax, eax
        mov dr7, eax
        call target_call
        mov eax, 0x00010002             ; G0, R/W0 = 01 (data write) on code
        mov dr7, eax
        call target_call
        mov eax, 0x00000001             ; L0, R/W0 = 00 (execute)
        mov dr7, eax
        call target_call
        SHOW "call hits", [count]
        xor eax, eax
        mov dr7, eax
        ret

target_call:
        ret

debug:
        mov ebx, eax
        inc dword [count]
        mov eax, [ebx + F_EIP]
        SHOW "#DB at", eax
        mov eax, dr6
        and eax, 0xF
        SHOW "dr6 b0-b3", eax
        xor eax, eax
        mov dr6, eax
        or dword [ebx + F_EFLAGS], 0x10000      ; RF: the instruction runs after IRET
        ret

count: dd 0
