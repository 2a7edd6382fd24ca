package dev.mimic.pcode.load;

/**
 * One decoded instruction: its table entry, its address, and its operand values in table order
 * (p first when it has one; labels and constants already resolved to numbers and addresses).
 *
 * @param procedure the standard procedure a csp calls, else null
 */
public record P5Instruction(P5Isa.Op op, long pc, int[] operands, P5Isa.StandardProcedure procedure) {
    public String name() {
        return op.name();
    }

    /** The address of the next instruction. */
    public long next() {
        return pc + op.length();
    }

    /** The p operand (level or parameter size). */
    public int p() {
        return operands[0];
    }

    /** The first operand that is not p. */
    public int q() {
        return operands[op.hasP() ? 1 : 0];
    }

    /** The second non-p operand (pck, upk, cta, ivt, cvb). */
    public int q1() {
        return operands[op.hasP() ? 2 : 1];
    }

    /** The third non-p operand (cta, ivt, cvb). */
    public int q2() {
        return operands[op.hasP() ? 3 : 2];
    }

    /** The operand type letter of a typed family ({@code i a r s b c x m p}), or a space. */
    public char type() {
        return op.type();
    }
}
