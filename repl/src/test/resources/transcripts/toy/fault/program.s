; Prints 12 / 3, then divides by zero: a runtime fault the session survives.
main:   li r0, 12
        div r0, 3
        out r0
        div r0, 0
        out r0
        halt
