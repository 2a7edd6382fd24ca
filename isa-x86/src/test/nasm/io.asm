; Port I/O: IN and OUT of each width, OUTS and INS with REP, the direction flag, and the 16550's
; scratch and line status registers, which both boards model.
%include "harness.inc"

SCRATCH equ COM1 + 7
LSR     equ COM1 + 5

main:
        SAY "out and in"
        mov dx, SCRATCH
        mov al, 0x5A
        out dx, al
        xor eax, eax
        in al, dx
        SHOW "scratch", eax
        mov dx, LSR
        in al, dx
        and eax, 0x60
        SHOW "line status", eax
        SAY "rep outsb"
        mov esi, message
        mov ecx, message_end - message
        mov dx, COM1
        rep outsb
        SHOW "ecx", ecx
        mov eax, esi
        sub eax, message
        SHOW "esi advanced", eax
        SAY "outsb backwards"
        std
        mov esi, message_end - 2
        mov ecx, 5
        rep outsb
        cld
        call crlf
        SAY "rep insb"
        mov dx, SCRATCH
        mov al, 0xA5
        out dx, al
        mov edi, buffer
        mov ecx, 4
        rep insb
        SHOW "buffer", [buffer]
        mov eax, edi
        sub eax, buffer
        SHOW "edi advanced", eax
        SAY "outsw to the scratch register"
        mov esi, words
        mov ecx, 1
        mov dx, SCRATCH
        rep outsb
        in al, dx
        movzx eax, al
        SHOW "scratch", eax
        ret

message: db "hello, port", 10
message_end:
words:   dw 0x1234
buffer:  dd 0
