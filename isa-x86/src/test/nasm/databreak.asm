; Data breakpoints in DR0-DR3 (SDM vol. 3 17.2.4, 17.3.1.2): a #DB trap after the instruction that
; writes (R/W 01) or reads or writes (R/W 11) the watched bytes, with the value already stored, the
; return address on the next instruction and DR6 B0-B3 saying which matched; lengths 1, 2 and 4
; watch an aligned range that any overlapping access hits; disabled ones and reads of a write
; breakpoint do not fire; a PUSH onto a watched stack slot does. I/O breakpoints (R/W 10): a trap
; after IN or OUT touches the watched ports (the manuals define R/W 10 only with CR4.DE set; QEMU,
; and Mimic with it, watch ports either way). A breakpoint on an instruction that faults fires once:
; the #DB handler's RF lets it start, and the fault's frame keeps RF for its restart. A REP MOVSD
; traps between iterations, at the REP with ECX counting the rest. The reserved bits of DR6 and DR7
; read as the manuals give them.
%include "harness.inc"

WATCHED_STACK equ 0x60000
POST    equ 0x80

%macro ARM 2                    ; DRn address, DR7
        mov eax, %1
        mov dr%2, eax
%endmacro

main:
        call setup_tables
        xor ecx, ecx                    ; what the loader left there differs
        HANDLE 1, debug
        xor eax, eax
        mov dr6, eax
        mov eax, dr6
        SHOW "dr6 written 0", eax
        xor eax, eax
        mov dr7, eax
        mov eax, dr7
        SHOW "dr7 written 0", eax
        ; DR0: write, 4 bytes, on var
        mov eax, var
        mov dr0, eax
        mov eax, 0x000D0002             ; G0, R/W0 01, LEN0 11
        mov dr7, eax
        SAY "write breakpoint"
        mov eax, [var]                  ; a read: no trap
        mov dword [var], 0x1234
        mov byte [var + 3], 7           ; one byte inside: trap
        mov byte [var + 4], 7           ; past it: none
        SHOW "hits", [count]
        ; DR1: read or write, 2 bytes, on var + 8
        mov dword [count], 0
        mov eax, var + 8
        mov dr1, eax
        mov eax, 0x00700004             ; L1, R/W1 11, LEN1 01
        mov dr7, eax
        SAY "access breakpoint, 2 bytes"
        mov eax, [var + 8]              ; read: trap
        mov eax, [var + 6]              ; dword over var+6..9: trap
        mov al, [var + 9]               ; second byte: trap
        mov al, [var + 10]              ; past: none
        mov ax, [var + 6]               ; before: none
        SHOW "hits", [count]
        ; DR2: 1 byte at var + 19, hit by a dword write at var + 16
        mov dword [count], 0
        mov eax, var + 19
        mov dr2, eax
        mov eax, 0x01000020             ; G2, R/W2 01, LEN2 00
        mov dr7, eax
        SAY "one-byte write breakpoint"
        mov dword [var + 16], 0xAABBCCDD
        mov word [var + 16], 0x1111
        SHOW "hits", [count]
        ; disabled: nothing fires
        mov dword [count], 0
        mov eax, 0x01000000             ; R/W2 01, neither L2 nor G2
        mov dr7, eax
        mov dword [var + 16], 5
        SHOW "disabled hits", [count]
        ; DR3 on a stack slot of a stack of its own: the second PUSH writes it
        mov dword [count], 0
        SAY "push onto a watched slot"
        mov ebp, esp
        mov esp, WATCHED_STACK
        mov eax, WATCHED_STACK - 8
        mov dr3, eax
        mov eax, 0xD0000080             ; G3, R/W3 01, LEN3 11
        mov dr7, eax
        push 1
pushed: push 2
        xor eax, eax
        mov dr7, eax
        mov esp, ebp
        SHOW "hits", [count]
        ; I/O breakpoints
        mov dword [count], 0
        SAY "i/o breakpoint, CR4.DE clear"
        mov eax, POST
        mov dr0, eax
        mov eax, 0x00020001             ; L0, R/W0 10, LEN0 00
        mov dr7, eax
        out POST, al
        SHOW "hits", [count]
        mov dword [count], 0
        SAY "i/o breakpoint, CR4.DE set"
        mov eax, cr4
        or eax, 8
        mov cr4, eax
        out POST, al
        in al, POST + 1                 ; the next port: none
        mov eax, 0x000E0001             ; LEN0 11: ports 0x80-0x83
        mov dr7, eax
        mov dx, POST + 2
        in ax, dx                       ; 0x82-0x83: a hit
        in al, POST + 4                 ; past: none
        SHOW "hits", [count]
        xor eax, eax
        mov dr7, eax
        mov eax, cr4
        and eax, ~8
        mov cr4, eax
        ; a breakpoint on an instruction that faults
        mov dword [count], 0
        SAY "breakpoint on an instruction that faults"
        HANDLE 13, gp
        mov eax, faulting
        mov dr0, eax
        mov eax, 0x00000002             ; G0, execute
        mov dr7, eax
        mov dword [set_rf], 1
faulting:
        mov ds, [bad_selector]
        SHOW "hits", [count]
        xor eax, eax
        mov dr7, eax
        ; REP MOVSD over a watched doubleword: the trap comes between iterations, at the REP
        mov dword [count], 0
        mov dword [set_rf], 0
        SAY "rep movsd over a watched doubleword"
        mov eax, var + 24
        mov dr0, eax
        mov eax, 0x000D0002             ; G0, R/W0 01, LEN0 11
        mov dr7, eax
        mov esi, var
        mov edi, var + 16
        mov ecx, 4
        rep movsd
        SHOW "hits", [count]
        SHOW "ecx", ecx
        xor eax, eax
        mov dr7, eax
        ret

; #GP: make the faulting MOV load a good selector
gp:
        mov word [bad_selector], KDATA
        ret

debug:
        mov ebx, eax
        inc dword [count]
        xor ecx, ecx
        call report_debug
        SHOW "var", [var]
        SHOW "frame ecx", [ebx + 24]
        cmp dword [set_rf], 0
        je .done
        or dword [ebx + F_EFLAGS], 0x10000      ; RF: the instruction runs after IRET
.done:  ret

count:  dd 0
set_rf: dd 0
bad_selector: dw 0x1000
        align 16
var:    times 32 db 0
