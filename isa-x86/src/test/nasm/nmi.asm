; NMI (SDM vol. 3 6.7.1), signalled through the test board's port 0xF9 (QEMU has no such device, so
; this image is compared with nmi.expected): taken with IF clear, waking HLT, vector 2; a second NMI
; signalled inside the handler waits for the handler's IRET and is taken right after it.
%include "harness.inc"

NMI_PORT equ 0xF9

main:
        call setup_tables
        HANDLE 2, nmi
        SAY "signal with IF clear, then hlt"
        out NMI_PORT, al
        hlt
        SAY "after hlt"
        SHOW "nmis", [count]
        ret

nmi:
        inc dword [count]
        SHOW "nmi", [count]
        cmp dword [count], 1
        jne .out
        out NMI_PORT, al                ; blocked until this handler's IRET
        sti                             ; an interrupt window: a maskable one would be taken here
        nop
        cli
        mov ecx, 100
.spin:  loop .spin
        SAY "first handler done"
.out:   ret

count: dd 0
