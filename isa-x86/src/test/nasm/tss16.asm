; Task switches through a 16-bit TSS (SDM vol. 3 7.6), the 80286's format: a CALL to it saves the
; 32-bit task and loads IP, FLAGS, AX-DI, ES, CS, SS, DS and the LDT from 16-bit fields (the upper
; halves of the general registers stay, FS and GS come out null); the task's IRET saves it into
; its 16-bit TSS and returns through the back link, and a second CALL resumes it after that IRET.
%include "harness.inc"

TSS16   equ 0x86000
TASK_SP equ 0x6000

main:
        call setup_tables
        COPY_LOW
        ; SPARE: a 16-bit available TSS at TSS16, limit 0x2B
        mov word [spare], 0x2B
        mov word [spare + 2], TSS16 & 0xFFFF
        mov byte [spare + 4], TSS16 >> 16
        mov byte [spare + 5], 0x81
        mov edi, TSS16
        mov ecx, 0x2C / 2
        xor eax, eax
        rep stosw
        mov word [TSS16 + 0x0E], task16         ; IP
        mov word [TSS16 + 0x10], 0x0002         ; FLAGS
        mov word [TSS16 + 0x12], 0x1111         ; AX
        mov word [TSS16 + 0x14], 0x3333         ; CX
        mov word [TSS16 + 0x16], 0x4444         ; DX
        mov word [TSS16 + 0x18], 0x2222         ; BX
        mov word [TSS16 + 0x1A], TASK_SP        ; SP
        mov word [TSS16 + 0x1C], 0x5555         ; BP
        mov word [TSS16 + 0x1E], 0x6666         ; SI
        mov word [TSS16 + 0x20], 0x7777         ; DI
        mov word [TSS16 + 0x22], DATA16         ; ES
        mov word [TSS16 + 0x24], CODE16         ; CS
        mov word [TSS16 + 0x26], DATA16         ; SS
        mov word [TSS16 + 0x28], DATA16         ; DS
        mov ax, KDATA
        mov fs, ax
        mov gs, ax
        mov esi, 0x12345678
        SAY "call the 16-bit task"
        call SPARE:0
        SAY "back from the 16-bit task"
        call show_state
        movzx eax, word [TSS16 + 0x0E]
        SHOW "saved ip", eax
        movzx eax, word [TSS16 + 0x10]
        SHOW "saved flags", eax
        movzx eax, word [TSS16 + 0x12]
        SHOW "saved ax", eax
        movzx eax, word [TSS16 + 0x1A]
        SHOW "saved sp", eax
        movzx eax, word [TSS16 + 0x28]
        SHOW "saved ds", eax
        movzx eax, word [TSS16]
        SHOW "16-bit tss back link", eax
        SHOW "main saved esi", [main_tss + 0x40]
        SAY "call it again"
        call SPARE:0
        SAY "back again"
        call show_state
        ret

show_state:
        call show_task
        movzx eax, byte [spare + 5]
        SHOW "16-bit tss type", eax
        mov eax, fs
        SHOW "fs", eax
        ret

section low vstart=LOW_BASE follows=.text
        bits 16
task16:
        SAY16 "in the 16-bit task"
        SHOW16 "eax", eax
        SHOW16 "ebx", ebx
        SHOW16 "esi", esi
        SHOW16 "esp", esp
        mov eax, cs
        SHOW16 "cs", eax
        mov eax, ss
        SHOW16 "ss", eax
        mov eax, fs
        SHOW16 "fs", eax
        str ax
        SHOW16 "tr", eax
        pushfd
        pop eax
        and eax, 0x4000
        SHOW16 "nt", eax
        mov ax, 0xABCD
        iret
        SAY16 "the 16-bit task again"
        SHOW16 "eax", eax
        SHOW16 "edi", edi
        iret
        LOW_HELPERS
low_end:
