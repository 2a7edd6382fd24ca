package dev.mimic.backend.ir;

/**
 * The IR operations. Each is documented with its operands: {@code dst}, {@code a}, {@code b}, {@code c}
 * are temporaries, {@code imm} is an immediate, {@code aux} a typed side object; see {@link Insn}.
 *
 * <p>Arithmetic and comparison ops carry the operand {@link Type}; the same op serves integers and
 * doubles where the meaning is the same (ADD on F64 is IEEE addition). Ops that may raise a guest
 * fault are marked; a fault is precise at the enclosing {@link #INSN} marker.
 */
public enum Op {
    /** dst = imm (F64: raw bits; REF: aux, may be null). */
    CONST(Kind.VALUE),
    /** dst = a. */
    MOV(Kind.VALUE),
    /** dst = a + b. */
    ADD(Kind.VALUE),
    /** dst = a - b. */
    SUB(Kind.VALUE),
    /** dst = a * b. */
    MUL(Kind.VALUE),
    /** dst = a / b, signed; integer division by zero faults. */
    DIV(Kind.VALUE, true),
    /** dst = a / b, unsigned integers; division by zero faults. */
    DIVU(Kind.VALUE, true),
    /** dst = a % b, signed (sign of dividend); integer division by zero faults. */
    REM(Kind.VALUE, true),
    /** dst = a % b, unsigned integers; division by zero faults. */
    REMU(Kind.VALUE, true),
    /** dst = a &amp; b. */
    AND(Kind.VALUE),
    /** dst = a | b. */
    OR(Kind.VALUE),
    /** dst = a ^ b. */
    XOR(Kind.VALUE),
    /** dst = a &lt;&lt; (b mod width). */
    SHL(Kind.VALUE),
    /** dst = a &gt;&gt;&gt; (b mod width), logical. */
    SHR(Kind.VALUE),
    /** dst = a &gt;&gt; (b mod width), arithmetic. */
    SAR(Kind.VALUE),
    /** dst = -a. */
    NEG(Kind.VALUE),
    /** dst = ~a (integers). */
    NOT(Kind.VALUE),
    /** dst(I32) = a == b (I32, I64, F64, REF identity). */
    EQ(Kind.VALUE),
    /** dst(I32) = a != b. */
    NE(Kind.VALUE),
    /** dst(I32) = a &lt; b, signed (F64: ordered). */
    LT(Kind.VALUE),
    /** dst(I32) = a &lt;= b, signed (F64: ordered). */
    LE(Kind.VALUE),
    /** dst(I32) = a &lt; b, unsigned integers. */
    LTU(Kind.VALUE),
    /** dst(I32) = a &lt;= b, unsigned integers. */
    LEU(Kind.VALUE),
    /** dst = c != 0 ? a : b (c is I32). */
    SELECT(Kind.VALUE),
    /** dst = a with its low imm bits sign-extended (type I32 or I64, imm in 1..63). */
    SEXT(Kind.VALUE),
    /** dst = a with all but its low imm bits cleared. */
    ZEXT(Kind.VALUE),
    /** dst(type) = a converted: I32&lt;-&gt;I64 (I64 from I32 sign-extends; imm=1 zero-extends), integer -&gt; F64, F64 -&gt; integer (Java saturating). */
    CONVERT(Kind.VALUE),
    /** dst(I64) = raw bits of F64 a, or dst(F64) = double with raw bits I64 a. */
    BITCAST(Kind.VALUE),
    /** dst = memory[a] (a: I32 unsigned or I64 address); aux = {@link MemoryAccess}. May fault. */
    LOAD(Kind.VALUE, true),
    /** memory[a] = b; aux = {@link MemoryAccess}. May fault. */
    STORE(Kind.EFFECT, true),
    /** dst = state slot imm. */
    GET(Kind.VALUE),
    /** state slot imm = a. */
    SET(Kind.EFFECT),
    /** dst (optional) = helper aux called with args; effects declared by the {@link Helper}. */
    HELPER(Kind.EFFECT, true),
    /** Start of the guest instruction at address imm; counts one guest instruction. */
    INSN(Kind.EFFECT),
    /** dst = new instance of {@link ManagedType} aux. */
    NEW(Kind.VALUE),
    /** dst = field aux ({@link FieldRef}) of object a. Null faults. */
    GETFIELD(Kind.VALUE, true),
    /** field aux of object a = b. Null faults. */
    PUTFIELD(Kind.EFFECT, true),
    /** dst = new array of {@link ArrayKind} aux with length a (I32). Negative length faults. */
    NEWARRAY(Kind.VALUE, true),
    /** dst = a[b] for array kind aux. Null and bounds fault. */
    ALOAD(Kind.VALUE, true),
    /** a[b] = c for array kind aux. Null and bounds fault. */
    ASTORE(Kind.EFFECT, true),
    /** dst(I32) = length of array a. Null faults. */
    ALENGTH(Kind.VALUE, true),
    /** dst(I32) = a is an instance of {@link ManagedType} aux (null is not). */
    INSTANCEOF(Kind.VALUE),
    /** Throw managed exception object a: goes to the block's handler, else leaves the region. */
    THROW(Kind.TERMINATOR, true),
    /** dst(REF) = the exception being handled; first op of a handler block. */
    CAUGHT(Kind.VALUE),
    /** dst (optional) = call of region aux ({@link CallTarget}) with args. */
    CALL(Kind.EFFECT, true),
    /** Go to block imm. */
    JUMP(Kind.TERMINATOR),
    /** Go to block imm if a != 0, else to block (int) c. */
    BRANCH(Kind.TERMINATOR),
    /** Leave the region: the pc slot = a, continue in the dispatcher; imm = exit number for chaining. */
    EXIT(Kind.TERMINATOR),
    /** Leave the region and stop the machine: pc slot = a, imm = machine-defined stop code. */
    STOP(Kind.TERMINATOR),
    /** Return from a called region with value a (absent for void regions). */
    RETURN(Kind.TERMINATOR);

    /** Whether an op defines a value, has only effects, or ends a block. */
    public enum Kind { VALUE, EFFECT, TERMINATOR }

    private final Kind kind;
    private final boolean mayFault;

    Op(Kind kind) {
        this(kind, false);
    }

    Op(Kind kind, boolean mayFault) {
        this.kind = kind;
        this.mayFault = mayFault;
    }

    public Kind kind() {
        return kind;
    }

    /** True when the op can raise a guest fault (or, for calls and helpers, let one through). */
    public boolean mayFault() {
        return mayFault;
    }

    public boolean isTerminator() {
        return kind == Kind.TERMINATOR;
    }
}
