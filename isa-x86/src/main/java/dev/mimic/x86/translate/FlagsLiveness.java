package dev.mimic.x86.translate;

import dev.mimic.x86.cpu.Flags;
import dev.mimic.x86.decode.DecodedInsn;
import dev.mimic.x86.decode.OperandKind;

import java.util.Set;

/**
 * Finds flag writes nobody can observe, so the translator need not record them: the arithmetic flags
 * an instruction writes are dead when the instructions after it in the same straight line overwrite
 * every one of them before any reads it, and none of those in between can fault (a fault, and the
 * signal handler or exception handler it leads to, sees the flags as they are before the faulting
 * instruction). Hashing loops are full of such writes: in {@code mov ebp,ecx; rol ebp,15; mov
 * ebx,ecx; rol ebx,13; xor ebx,ebp} neither rotate's CF and OF survive the XOR.
 *
 * <p>The analysis is conservative: only register forms of a few instructions known not to fault
 * are looked through, and only writers that always write (not a shift by CL, which leaves the flags
 * alone for a zero count) end it.
 */
final class FlagsLiveness {
    /** How many instructions after the writer are looked at. */
    static final int LOOKAHEAD = 6;

    /** Instructions whose only effect on the flags is the record their semantics make through the emitter. */
    private static final Set<String> ELIDABLE = Set.of("add", "or", "adc", "sbb", "and", "sub", "xor", "cmp", "test",
            "neg", "inc", "dec", "shl", "shr", "sar", "rol", "ror", "rcl", "rcr", "imul");
    /** Instructions that cannot fault in their register forms without a LOCK prefix. */
    private static final Set<String> NEVER_FAULT = Set.of("mov", "movzx", "movsx", "lea", "xchg", "not", "bswap", "nop",
            "add", "or", "adc", "sbb", "and", "sub", "xor", "cmp", "test", "neg", "inc", "dec", "shl", "shr", "sar",
            "rol", "ror", "imul");
    /** Writers whose flag writes depend on a count operand. */
    private static final Set<String> COUNTED = Set.of("shl", "shr", "sar", "rol", "ror");

    /** What is left of the flags still to be overwritten after an instruction; -1 when they may be observed. */
    static final int OBSERVED = -1;

    private FlagsLiveness() {
    }

    /** The arithmetic flags {@code insn} writes that the analysis may prove dead, 0 when it does not apply. */
    static int candidate(DecodedInsn insn) {
        return ELIDABLE.contains(insn.form().emit()) ? insn.form().flagsWritten() & Flags.ARITHMETIC : 0;
    }

    /**
     * The flags of {@code pending} still waiting to be overwritten after {@code next} runs, 0 when all are
     * overwritten, or {@link #OBSERVED} when {@code next} may read or expose one of them.
     */
    static int after(DecodedInsn next, int pending) {
        if ((next.form().flagsRead() & pending) != 0 || !neverFaults(next)) {
            return OBSERVED;
        }
        int written = next.form().flagsWritten() & Flags.ARITHMETIC;
        if (written == 0) {
            return pending;
        }
        return alwaysWrites(next) ? pending & ~written : OBSERVED;
    }

    private static boolean neverFaults(DecodedInsn insn) {
        String emit = insn.form().emit();
        if (insn.lock() || !NEVER_FAULT.contains(emit)) {
            return false;
        }
        boolean lea = emit.equals("lea");
        if (insn.rmIsMemory() && !lea) {
            return false;
        }
        for (OperandKind k : insn.form().operands()) {
            switch (k.method()) {
                case MEMORY -> {
                    if (!lea) {
                        return false;
                    }
                }
                case MODRM, MODRM_REGISTER, REG, OPCODE_REG, IMMEDIATE, FIXED -> { }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    /** Shifts and rotates by CL, or by a constant that masks to zero, may leave the flags alone. */
    private static boolean alwaysWrites(DecodedInsn insn) {
        if (!COUNTED.contains(insn.form().emit())) {
            return true;
        }
        return switch (insn.operand(1)) {
            case c1 -> true;
            case Ib -> (insn.immediate() & 31) != 0;
            default -> false;
        };
    }
}
