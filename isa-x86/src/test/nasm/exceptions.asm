; Error codes and restart state of faults the other images leave out: each handler shows the vector,
; the error code and where the pushed EIP points (0: at the faulting instruction, as a fault's
; restart needs), then resumes after it. #DE from DIV and IDIV, #BR from BOUND, #UD from UD2 and a
; LOCK on a register, #GP for an INT n beyond the IDT limit and an INT n from ring 3 through a DPL 0
; gate (error code vector * 8 + 2), #GP(0) for a far jump to the null selector, #TS(selector) for a
; task switch to a TSS below the minimum limit.
%include "harness.inc"

%macro EXPECT 2                 ; label of the faulting instruction, label to resume at
        mov dword [faulting], %1
        mov dword [resume], %2
%endmacro

main:
        call setup_tables
        HANDLE 0, report
        HANDLE 5, report
        HANDLE 6, report
        HANDLE 10, report
        HANDLE 13, report
        USER_GATE 0x30
        HANDLE 0x30, leave_ring3
        SAY "div by zero"
        EXPECT .de1, .r1
        xor edx, edx
        mov eax, 5
        xor ecx, ecx
.de1:    div ecx
.r1:    SAY "idiv overflow"
        EXPECT .de2, .r2
        mov edx, 0x40000000
        xor eax, eax
        mov ecx, 1
.de2:    idiv ecx
.r2:    SAY "bound"
        EXPECT .br1, .r3
        mov eax, 20
.br1:    bound eax, [bounds]
.r3:    SAY "ud2"
        EXPECT .ud1, .r4
.ud1:    ud2
.r4:    SAY "lock on a register"
        EXPECT .ud2_, .r5
.ud2_:   db 0xF0, 0x01, 0xC0             ; lock add eax, eax
.r5:    SAY "int beyond the idt limit"
        sub esp, 6
        sidt [esp]
        mov word [esp], 0x40 * 8 - 1
        lidt [esp]
        EXPECT .gp2, .r7
.gp2:    int 0x41
.r7:    mov word [esp], 256 * 8 - 1
        lidt [esp]
        add esp, 6
        SAY "far jump to the null selector"
        EXPECT .gp3, .r8
.gp3:    jmp 0:0
.r8:    SAY "task switch to a tss below the minimum limit"
        mov word [spare], 0x40          ; limit 0x40, 32-bit available TSS at b_tss
        mov word [spare + 2], b_tss & 0xFFFF
        mov byte [spare + 4], b_tss >> 16
        mov byte [spare + 5], 0x89
        EXPECT .ts1, .r9
.ts1:    call SPARE:0
.r9:    SAY "int from ring 3 through a dpl 0 gate"
        mov [saved_esp], esp
        EXPECT gp4, gp4.back
        TO_RING3 user
.r11:   SHOW "faults", [count]
        ret

user:
gp4:    int 0x31
.back:  int 0x30

leave_ring3:
        mov esp, [saved_esp]
        jmp main.r11

report:
        mov ebx, eax
        inc dword [count]
        SHOW "vector", [ebx + F_VECTOR]
        SHOW "error", [ebx + F_ERROR]
        mov eax, [ebx + F_EIP]
        sub eax, [faulting]
        SHOW "eip - faulting", eax
        mov eax, [resume]
        mov [ebx + F_EIP], eax
        ret

        align 4
saved_esp: dd 0
faulting: dd 0
count:  dd 0
bounds: dd 0, 10
