; For n = 3, 2, 1: prints 1 + ... + n, computed by a recursive procedure,
; and exits with the last sum. Data below the code: the last result and a string.
main:   li r1, 3
.again: call sum          ; r0 = sum(r1)
        out r0
        st r0, result
        addi r1, -1
        bnz r1, .again
        ld r0, result
        halt

sum:    bnz r1, .more     ; sum(0) = 0
        li r0, 0
        ret
.more:  addi r1, -1
        call sum          ; r0 = sum(r1 - 1)
        addi r1, 1
        add r0, r1
        ret

result: .word 0
greeting: .word 0x6c6c6548
        .word 0x0000216f
