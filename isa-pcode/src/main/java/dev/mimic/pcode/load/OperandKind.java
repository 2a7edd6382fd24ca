package dev.mimic.pcode.load;

import java.util.Locale;

/**
 * How one operand of a P5 instruction is written in the intermediate file and encoded in the
 * code store (the operand kinds of {@code p5.isa}; see the table's header for the syntax).
 */
public enum OperandKind {
    /** A static nesting difference, the p byte. */
    LEVEL(1),
    /** Bytes of parameters on the stack, the p byte of calls. */
    ARGSIZE(1),
    INT(4),
    /** {@code l N}: the value of label N. */
    LABEL(4),
    /** A standard procedure name, encoded as its number. */
    SP(1),
    BOOL(1),
    CHAR(1),
    /** A real literal; the code holds the address of its constant. */
    REAL(4),
    /** {@code (e1 e2 ...)}; the code holds the address of its constant. */
    SET(4),
    /** Length and quoted text; the code holds the address of its constant. */
    STRING(4),
    /** {@code low high}; the code holds the address of the pair in the constants. */
    BOUNDS(4),
    /** {@code low high}; the code holds low only. */
    PTRCHECK(4),
    /** Nothing in the file, four zero bytes in the code (keeps ujc as long as ujp). */
    PAD(4);

    private final int bytes;

    OperandKind(int bytes) {
        this.bytes = bytes;
    }

    /** Encoded size in the code store. */
    public int bytes() {
        return bytes;
    }

    /** True for the kinds encoded in the p byte that follows the opcode. */
    public boolean isP() {
        return this == LEVEL || this == ARGSIZE;
    }

    /** The kind named {@code name} in the spec ({@code level}, {@code int}, ...). */
    static OperandKind parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
