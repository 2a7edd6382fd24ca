package dev.mimic.cil.decode;

import dev.mimic.cil.metadata.Table;
import dev.mimic.cil.metadata.Token;

/**
 * One decoded CIL instruction. {@code operand} holds the inline operand widened to a long: integers
 * and variable numbers as values, floats as their IEEE bits, tokens as the 32-bit token, branch
 * targets as absolute code offsets. A {@code switch} keeps its absolute targets in {@code targets}.
 */
public record CilInstruction(int offset, int length, Opcode opcode, long operand, int[] targets) {

    /** The offset of the instruction that follows. */
    public int next() {
        return offset + length;
    }

    /** The absolute target of a branch. */
    public int branchTarget() {
        return (int) operand;
    }

    /** The operand as an int (integers, variable numbers, tokens). */
    public int intValue() {
        return (int) operand;
    }

    /** A metadata token operand as table and row ({@code string} operands are #US offsets instead). */
    public Token token() {
        return new Token(Table.byNumber((int) operand >>> 24), (int) operand & 0xFFFFFF);
    }

    /** A {@code float32} or {@code float64} operand's value. */
    public double floatValue() {
        return opcode.operand() == OperandKind.FLOAT32 ? Float.intBitsToFloat((int) operand)
                : Double.longBitsToDouble(operand);
    }
}
