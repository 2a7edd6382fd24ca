; Segment limit checks (SDM vol. 3 5.3): data, stack, expand-down, code-segment writes and code fetches. QEMU's TCG does not check
; limits, so this image's output is compared with limits.expected instead of with QEMU.
%include "harness.inc"

main:
        mov [saved_esp], esp
        call setup_tables
        HANDLE 13, report_and_resume
        HANDLE 12, report_and_resume
        SAY "in bounds"
        mov ax, SMALL
        mov es, ax
        mov eax, [es:0xFFC]
        SAY "last dword straddles the limit"
        mov dword [resume], .r1
        mov eax, [es:0xFFD]
        SAY "not reached"
.r1:    SAY "beyond the limit"
        mov dword [resume], .r2
        mov byte [es:0x2000], 1
        SAY "not reached"
.r2:    SAY "string store beyond the limit"
        mov dword [resume], .r3
        mov edi, 0xFFE
        mov ecx, 4
        rep stosb
        SAY "not reached"
.r3:    SHOW "edi after the fault", edi
        SHOW "ecx after the fault", ecx
        SAY "stack inside the limit"
        mov ax, SMALLSS
        mov ss, ax
        mov esp, 0x8F000
        push eax
        pop eax
        SAY "stack beyond the limit"
        mov dword [resume], .r4
        mov esp, 0x8FFF0
        mov eax, [esp + 0x10]
        SAY "not reached"
.r4:    mov ax, KDATA
        mov ss, ax
        mov esp, [saved_esp]
        SAY "write to a code segment"
        mov dword [resume], .r5
        mov dword [cs:resume], 0
        SAY "not reached"
.r5:    SAY "expand-down: above the limit"
        mov ax, DOWN
        mov es, ax
        mov eax, [es:0x2000]
        SAY "expand-down: straddling the limit"
        mov dword [resume], .r6
        mov eax, [es:0xFFE]
        SAY "not reached"
.r6:    SAY "expand-down: below the limit"
        mov dword [resume], .r7
        mov byte [es:0x800], 0
        SAY "not reached"
.r7:    SAY "code beyond the CS limit"
        mov ax, KDATA
        mov es, ax
        mov eax, tiny                           ; SPARE: 32-bit code at tiny, limit 3
        mov [spare + 2], ax
        shr eax, 16
        mov [spare + 4], al
        mov [spare + 7], ah
        mov word [spare], 3
        mov byte [spare + 5], 0x9A
        mov byte [spare + 6], 0x40
        HANDLE 13, leave_tiny
        mov dword [resume], .r8
        jmp SPARE:0
.r8:    ret

tiny:   inc eax                                 ; offsets 0-3 run, offset 4 is beyond the limit
        inc eax
        inc eax
        inc eax
        inc eax

; #GP from the tiny code segment: report, then resume at [resume] in the flat code segment
leave_tiny:
        mov ebx, eax
        SHOW "vector", [ebx + F_VECTOR]
        SHOW "error", [ebx + F_ERROR]
        SHOW "eip", [ebx + F_EIP]
        mov eax, [resume]
        mov [ebx + F_EIP], eax
        mov dword [ebx + F_CS], KCODE
        ret

saved_esp: dd 0
