; Single-stepping with EFLAGS.TF: a debug trap after each instruction once POPF has set TF, with
; DR6.BS set and the return address on the next instruction, and none after the POPF that clears it.
%include "harness.inc"

main:
        call setup_tables
        HANDLE 1, debug
        xor eax, eax
        mov dr6, eax
        pushfd
        or dword [esp], 0x100
        popfd
first:  nop
        inc eax
        mov ebx, 5
        pushfd
        and dword [esp], ~0x100
        popfd
        SHOW "traps", [count]
        SHOW "eax", eax
        ret

debug:
        mov ebx, eax
        inc dword [count]
        mov eax, [ebx + F_EIP]
        sub eax, first
        SHOW "trap after, next at first +", eax
        mov eax, dr6
        and eax, 0x4000
        SHOW "dr6.bs", eax
        ret

count: dd 0
