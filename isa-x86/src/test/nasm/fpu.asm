; The FPU as a device that may be unavailable (SDM vol. 3 2.5): x87 instructions raise #NM while
; CR0.TS or CR0.EM is set, WAIT only with TS and MP together; the handler clears the bit and the
; instruction runs again.
%include "harness.inc"

main:
        call setup_tables
        HANDLE 7, not_available
        fninit
        SAY "TS set"
        mov eax, cr0
        or eax, 8
        mov cr0, eax
        fld1
        fistp dword [value]
        SHOW "value", [value]
        SAY "EM set"
        mov eax, cr0
        or eax, 4
        mov cr0, eax
        fldpi
        fistp dword [value]
        SHOW "value", [value]
        SAY "wait with TS alone"
        mov eax, cr0
        and eax, ~2
        or eax, 8
        mov cr0, eax
        fwait
        SAY "wait with TS and MP"
        mov eax, cr0
        or eax, 2
        mov cr0, eax
        fwait
        SAY "after wait"
        clts
        ret

; #NM: report which bits were set, clear TS and EM, and restart the instruction
not_available:
        mov eax, cr0
        and eax, 0xE
        SHOW "#NM with cr0 bits", eax
        mov eax, cr0
        and eax, ~0xC
        mov cr0, eax
        ret

value: dd 0
