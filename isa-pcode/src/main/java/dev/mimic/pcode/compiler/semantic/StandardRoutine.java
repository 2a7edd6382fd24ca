package dev.mimic.pcode.compiler.semantic;

/** The required procedures and functions of ISO 7185 level 0. */
public enum StandardRoutine {
    // 6.6.5.2 file handling, 6.9 text input and output
    REWRITE, PUT, RESET, GET, READ, READLN, WRITE, WRITELN, PAGE,
    // 6.6.5.3 dynamic allocation, 6.6.5.4 transfer
    NEW, DISPOSE, PACK, UNPACK,
    // 6.6.6 functions
    ABS(true), SQR(true), SIN(true), COS(true), EXP(true), LN(true), SQRT(true), ARCTAN(true),
    TRUNC(true), ROUND(true), ORD(true), CHR(true), SUCC(true), PRED(true), ODD(true),
    EOF(true), EOLN(true);

    private final boolean function;

    StandardRoutine() {
        this(false);
    }

    StandardRoutine(boolean function) {
        this.function = function;
    }

    public boolean isFunction() {
        return function;
    }
}
