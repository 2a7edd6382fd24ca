; Self-modifying code: an immediate patched between calls, code copied into a buffer and run, the
; buffer overwritten with other code and run again, a loop that patches the routine it calls, and a
; loop that patches its own body (the next iteration runs the new code).
%include "harness.inc"

BUFFER equ 0x200000

main:
        call patched
        SHOW "before patching", eax
        mov dword [patched + 1], 0x22222222
        call patched
        SHOW "after patching", eax

        mov esi, snippet_a
        mov edi, BUFFER
        mov ecx, snippet_a_end - snippet_a
        rep movsb
        call BUFFER
        SHOW "snippet a", eax
        mov esi, snippet_b
        mov edi, BUFFER
        mov ecx, snippet_b_end - snippet_b
        rep movsb
        call BUFFER
        SHOW "snippet b", eax

        xor eax, eax
        mov ecx, 4
.loop:  call step
        mov byte [step + 2], cl         ; the next call adds the old count
        loop .loop
        SHOW "loop sum", eax

        xor eax, eax
        mov ecx, 3
.self:  add eax, 1
        mov byte [.self + 2], 10        ; the loop patches its own body
        dec ecx
        jnz .self
        SHOW "self-patching loop", eax
        ret

patched:
        mov eax, 0x11111111
        ret

step:
        add eax, 1
        ret

snippet_a:
        mov eax, 0xAAAA
        ret
snippet_a_end:
snippet_b:
        xor eax, eax
        mov ax, 0xBBBB
        shl eax, 4
        ret
snippet_b_end:
