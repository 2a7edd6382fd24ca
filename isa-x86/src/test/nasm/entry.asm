; Protected-mode entry state as multiboot leaves it, and a few instructions that read system state.
%include "harness.inc"

main:
        SAY "protected mode entry"
        SHOW "eax", eax
        mov eax, cr0
        and eax, 0x80000001
        SHOW "cr0.pg.pe", eax
        pushfd
        pop eax
        and eax, 0x00000200
        SHOW "if", eax
        mov eax, cs
        and eax, 3
        SHOW "cpl", eax
        mov eax, 1
        cpuid
        mov eax, edx
        and eax, (1 << 0) | (1 << 3) | (1 << 4) | (1 << 5) | (1 << 8) | (1 << 13) | (1 << 15)
        SHOW "cpuid.1.edx", eax
        ret

