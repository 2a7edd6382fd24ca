package dev.mimic.x86.decode;

/**
 * The operand notations of {@code x86.isa}, after the SDM's opcode map (vol. 2 A.2): how an operand is
 * addressed and how wide it is. The decoder reads immediates and ModRM fields by this, the translator
 * reads and writes operands by it, and the disassembler prints it.
 */
public enum OperandKind {
    Eb(Method.MODRM, Size.B), Ew(Method.MODRM, Size.W), Ed(Method.MODRM, Size.D), Ev(Method.MODRM, Size.V),
    Gb(Method.REG, Size.B), Gw(Method.REG, Size.W), Gv(Method.REG, Size.V),
    M(Method.MEMORY, Size.V), Mp(Method.MEMORY, Size.P), Mq(Method.MEMORY, Size.Q), Ma(Method.MEMORY, Size.A),
    Ms(Method.MEMORY, Size.S), Mw(Method.MEMORY, Size.W), Md(Method.MEMORY, Size.D), Mt(Method.MEMORY, Size.T),
    Rd(Method.MODRM_REGISTER, Size.D),
    Ib(Method.IMMEDIATE, Size.B), Ibs(Method.IMMEDIATE, Size.V), Iw(Method.IMMEDIATE, Size.W), Iz(Method.IMMEDIATE, Size.Z),
    Jb(Method.RELATIVE, Size.B), Jz(Method.RELATIVE, Size.Z),
    Ob(Method.OFFSET, Size.B), Ov(Method.OFFSET, Size.V),
    Ap(Method.FAR, Size.P),
    Sw(Method.SEGMENT_REG, Size.W), Cd(Method.CONTROL_REG, Size.D), Dd(Method.DEBUG_REG, Size.D),
    Zb(Method.OPCODE_REG, Size.B), Zv(Method.OPCODE_REG, Size.V), Zd(Method.OPCODE_REG, Size.D),
    Xb(Method.SOURCE_STRING, Size.B), Xv(Method.SOURCE_STRING, Size.V),
    Yb(Method.DEST_STRING, Size.B), Yv(Method.DEST_STRING, Size.V),
    AL(Method.FIXED, Size.B), CL(Method.FIXED, Size.B), DX(Method.FIXED, Size.W), AX(Method.FIXED, Size.W), eAX(Method.FIXED, Size.V),
    c1(Method.FIXED, Size.B),
    ST(Method.FPU_TOP, Size.T), STi(Method.FPU_REG, Size.T),
    ES(Method.FIXED_SEGMENT, Size.W), CS(Method.FIXED_SEGMENT, Size.W), SS(Method.FIXED_SEGMENT, Size.W),
    DS(Method.FIXED_SEGMENT, Size.W), FS(Method.FIXED_SEGMENT, Size.W), GS(Method.FIXED_SEGMENT, Size.W);

    /** How the operand is addressed. */
    public enum Method {
        /** ModRM r/m: a register or memory. */
        MODRM,
        /** ModRM r/m that must be memory. */
        MEMORY,
        /** ModRM r/m that must be a register. */
        MODRM_REGISTER,
        /** ModRM reg field, a general register. */
        REG,
        SEGMENT_REG, CONTROL_REG, DEBUG_REG,
        IMMEDIATE,
        /** An offset from the next instruction's address. */
        RELATIVE,
        /** A memory address in the instruction (moffs). */
        OFFSET,
        /** A far pointer in the instruction (offset, then selector). */
        FAR,
        /** A register named by the low three bits of the opcode. */
        OPCODE_REG,
        SOURCE_STRING, DEST_STRING,
        FIXED, FIXED_SEGMENT,
        /** The x87 stack top ST(0). */
        FPU_TOP,
        /** The x87 register ST(i) named by the ModRM r/m field. */
        FPU_REG
    }

    /** The operand's width: fixed, or chosen by the operand size (v, z) of the instruction. */
    public enum Size { B, W, D, Q, T, V, Z, P, A, S }

    private final Method method;
    private final Size size;

    OperandKind(Method method, Size size) {
        this.method = method;
        this.size = size;
    }

    public Method method() {
        return method;
    }

    public Size size() {
        return size;
    }

    /** The operand's width in bytes for an instruction of operand size {@code opsize} (2 or 4). */
    public int bytes(int opsize) {
        return switch (size) {
            case B -> 1;
            case W -> 2;
            case D -> 4;
            case Q -> 8;
            case T -> 10;
            case V, Z -> opsize;
            case P -> opsize + 2;
            case A -> 2 * opsize;
            case S -> 6;
        };
    }

    /** Bytes this operand occupies in the instruction after the ModRM/SIB/displacement bytes. */
    public int immediateBytes(int opsize, int addrsize) {
        return switch (method) {
            case IMMEDIATE, RELATIVE -> this == Ibs ? 1 : bytes(opsize);
            case OFFSET -> addrsize;
            case FAR -> opsize + 2;
            default -> 0;
        };
    }

    /** The segment register number of a fixed segment operand (ES 0, CS 1, SS 2, DS 3, FS 4, GS 5). */
    public int segment() {
        return switch (this) {
            case ES -> 0;
            case CS -> 1;
            case SS -> 2;
            case DS -> 3;
            case FS -> 4;
            case GS -> 5;
            default -> throw new IllegalStateException(this + " is not a segment register");
        };
    }

    /** Parses an operand as {@code x86.isa} writes it. */
    public static OperandKind parse(String text) {
        try {
            return valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown x86 operand kind '" + text + "'", e);
        }
    }
}
