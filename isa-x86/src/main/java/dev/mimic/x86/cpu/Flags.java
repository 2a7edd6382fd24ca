package dev.mimic.x86.cpu;

/**
 * EFLAGS bits and the lazy evaluation of the arithmetic flags. An instruction that writes flags does
 * not compute them: it records the kind of operation, its width, the result and up to two operands in
 * the {@code cc_*} state slots (as QEMU and Bochs do), and the flags are computed only when an
 * instruction reads them. {@link #compute} and {@link #condition} are pure functions of those four
 * values, called from IR as helpers without effects.
 *
 * <p>An operation code is {@code kind << 2 | width} with width 0, 1, 2 for 8, 16, 32 bits. What the
 * operands hold per kind:
 * <ul>
 *   <li>{@link #ADD}, {@link #SUB}: the two operands (ADC and SBB too: the carry in is recovered from
 *       result and operands)
 *   <li>{@link #LOGIC}: nothing (CF, OF and AF are clear)
 *   <li>{@link #INC}, {@link #DEC}: the operand, and the carry flag from before (INC and DEC keep it)
 *   <li>{@link #SHL}, {@link #SHR}: the value shifted (sign-extended for SAR) and the count, 1..31;
 *       SHLD and SHRD use them too, the bits shifted in do not matter for the flags
 *   <li>{@link #MUL}: whether the product overflowed its low half (CF and OF)
 *   <li>{@link #EFLAGS}: the flags themselves in the first operand
 * </ul>
 */
public final class Flags {
    public static final int CF = 1;
    public static final int PF = 1 << 2;
    public static final int AF = 1 << 4;
    public static final int ZF = 1 << 6;
    public static final int SF = 1 << 7;
    public static final int TF = 1 << 8;
    public static final int IF = 1 << 9;
    public static final int DF = 1 << 10;
    public static final int OF = 1 << 11;
    public static final int IOPL = 3 << 12;
    public static final int NT = 1 << 14;
    public static final int RF = 1 << 16;
    public static final int VM = 1 << 17;
    public static final int AC = 1 << 18;
    /** The virtual interrupt flag and virtual interrupt pending (CR4.VME and CR4.PVI). */
    public static final int VIF = 1 << 19, VIP = 1 << 20;
    public static final int ID = 1 << 21;
    /** The six arithmetic flags, which live in the lazy state. */
    public static final int ARITHMETIC = CF | PF | AF | ZF | SF | OF;
    /** Bit 1 of EFLAGS reads as one. */
    public static final int FIXED_ONE = 2;

    public static final int EFLAGS = 0;
    public static final int ADD = 1;
    public static final int SUB = 2;
    public static final int LOGIC = 3;
    public static final int INC = 4;
    public static final int DEC = 5;
    public static final int SHL = 6;
    public static final int SHR = 7;
    public static final int MUL = 8;

    private Flags() {
    }

    /** The operation code of {@code kind} on {@code bytes}-wide (1, 2 or 4) operands. */
    public static int op(int kind, int bytes) {
        return kind << 2 | (bytes == 1 ? 0 : bytes == 2 ? 1 : 2);
    }

    /** The arithmetic flags (in EFLAGS positions) after the operation recorded as {@code op}. */
    public static int compute(int op, int result, int a, int b) {
        int kind = op >>> 2;
        if (kind == EFLAGS) {
            return a & ARITHMETIC;
        }
        int bits = 8 << (op & 3);
        int mask = bits == 32 ? -1 : (1 << bits) - 1;
        int sign = 1 << bits - 1;
        int r = result & mask;
        int flags = (r == 0 ? ZF : 0) | ((r & sign) != 0 ? SF : 0) | parity(r);
        a &= kind == SHR ? -1 : mask;
        switch (kind) {
            case ADD -> {
                b &= mask;
                boolean carryIn = ((result - a - b) & mask) != 0;
                flags |= (carryIn ? Integer.compareUnsigned(r, a) <= 0 : Integer.compareUnsigned(r, a) < 0) ? CF : 0;
                flags |= ((a ^ r) & (b ^ r) & sign) != 0 ? OF : 0;
                flags |= (a ^ b ^ r) & AF;
            }
            case SUB -> {
                b &= mask;
                boolean borrowIn = ((a - b - result) & mask) != 0;
                flags |= (borrowIn ? Integer.compareUnsigned(a, b) <= 0 : Integer.compareUnsigned(a, b) < 0) ? CF : 0;
                flags |= ((a ^ b) & (a ^ r) & sign) != 0 ? OF : 0;
                flags |= (a ^ b ^ r) & AF;
            }
            case LOGIC -> { }
            case INC -> flags |= (b & CF) | (r == sign ? OF : 0) | ((r & 0xF) == 0 ? AF : 0);
            case DEC -> flags |= (b & CF) | (r == sign - 1 ? OF : 0) | ((r & 0xF) == 0xF ? AF : 0);
            case SHL -> flags |= (b <= bits ? (a >>> bits - b) & 1 : 0) | (((r ^ a) & sign) != 0 ? OF : 0);
            case SHR -> flags |= (a >> Math.min(b - 1, 31)) & 1 | (((r ^ a) & sign) != 0 ? OF : 0);
            case MUL -> flags |= a != 0 ? CF | OF : 0;
            default -> throw new IllegalArgumentException("unknown flags operation " + op);
        }
        return flags;
    }

    /** 1 when condition {@code cc} (0..15, SDM vol. 2 B.1.4.7) holds after the operation recorded as {@code op}, else 0. */
    public static int condition(int cc, int op, int result, int a, int b) {
        return test(cc, compute(op, result, a, b));
    }

    /** 1 when condition {@code cc} holds for the arithmetic flags {@code f}, else 0. */
    public static int test(int cc, int f) {
        boolean t = switch (cc >>> 1) {
            case 0 -> (f & OF) != 0;
            case 1 -> (f & CF) != 0;
            case 2 -> (f & ZF) != 0;
            case 3 -> (f & (CF | ZF)) != 0;
            case 4 -> (f & SF) != 0;
            case 5 -> (f & PF) != 0;
            case 6 -> ((f & SF) != 0) != ((f & OF) != 0);
            default -> (f & ZF) != 0 || ((f & SF) != 0) != ((f & OF) != 0);
        };
        return t ^ (cc & 1) == 1 ? 1 : 0;
    }

    /** PF: set when the low byte has an even number of one bits. */
    public static int parity(int value) {
        return (Integer.bitCount(value & 0xFF) & 1) == 0 ? PF : 0;
    }

    /** The EFLAGS bits named by letters as {@code x86.isa} writes them ({@code "OSZAPC"}). */
    public static int parse(String letters) {
        int m = 0;
        for (char c : letters.toCharArray()) {
            m |= switch (c) {
                case 'O' -> OF;
                case 'D' -> DF;
                case 'I' -> IF;
                case 'T' -> TF;
                case 'S' -> SF;
                case 'Z' -> ZF;
                case 'A' -> AF;
                case 'P' -> PF;
                case 'C' -> CF;
                default -> throw new IllegalArgumentException("unknown flag letter '" + c + "' in \"" + letters + "\"");
            };
        }
        return m;
    }
}
