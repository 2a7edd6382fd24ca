package dev.mimic.pcode.compiler.codegen;

import dev.mimic.pcode.compiler.types.Target;
import java.util.BitSet;

/**
 * Writes Pascal-P5's textual intermediate code, laid out as P5's pcom lays it out (so P5's pint
 * and Mimic's loader both read it): instruction lines start with a blank, {@code l} lines define
 * labels, {@code :} lines mark source lines, {@code !} lines are comments, {@code g} gives the
 * size of the globals, {@code q} ends a segment, {@code f} counts source errors.
 *
 * <p>The writer also follows the depth of the expression stack through each block, the way
 * pcom's mes/mesl do, because a block's entry ({@code ente}) reserves the deepest stack the
 * block reaches.
 */
public final class PcodeWriter {
    private final StringBuilder out = new StringBuilder();
    private int nextLabel;
    private int depth;
    private int maxDepth;
    private int markedLine = -1;

    /** The text written so far. */
    public String text() {
        return out.toString();
    }

    /** A fresh label number; P5 numbers every label of a program from one counter. */
    public int newLabel() {
        return ++nextLabel;
    }

    /**
     * Defines {@code label} at the current code address. Code after a label can be reached by
     * a jump from anywhere, so the next line mark is written even if the line is the same.
     */
    public void label(int label) {
        out.append('l').append(pad(label, 4)).append('\n');
        markedLine = -1;
    }

    /** Defines {@code label} as the constant {@code value} (frame and stack sizes). */
    public void labelValue(int label, int value) {
        out.append('l').append(pad(label, 4)).append('=').append(value).append('\n');
    }

    /** A comment line, skipped by the loader. */
    public void comment(String text) {
        out.append('!').append(text).append('\n');
    }

    /**
     * Marks that code from here on comes from source line {@code line}. pint turns each mark
     * into a line-register instruction, so marks must not fall inside a case jump table.
     */
    public void markLine(int line) {
        if (line != markedLine) {
            markedLine = line;
            out.append(':').append(line).append('\n');
        }
    }

    /** The size of the global area. */
    public void globalSize(int size) {
        out.append("g ").append(size).append('\n');
    }

    /** Ends a code segment. */
    public void endSegment() {
        out.append("q\n");
    }

    /** The number of errors in the source, which stops pint from running a faulty program. */
    public void errorCount(int count) {
        out.append("f ").append(count).append('\n');
    }

    // ---------------------------------------------------------------- stack depth bookkeeping

    /** Starts the stack bookkeeping of a new block. */
    public void beginBlock() {
        depth = 0;
        maxDepth = 0;
    }

    /** The deepest expression stack the block reached, in bytes. */
    public int blockStackDepth() {
        return maxDepth;
    }

    /** The bytes on the expression stack now; zero between statements. */
    public int depth() {
        return depth;
    }

    /** Accounts for values that arrive or leave outside an instruction's own effect. */
    public void adjust(int bytes) {
        depth += bytes;
        maxDepth = Math.max(maxDepth, depth);
    }

    // ---------------------------------------------------------------- instruction shapes

    /** An instruction without operands: {@code adi}, {@code stp}. */
    public void op(String mnemonic) {
        instruction(mnemonic, 0).append('\n');
    }

    /** A typed instruction without operands: {@code stoi}, {@code ordc}, {@code reti}. */
    public void typed(String mnemonic, char type) {
        instruction(mnemonic + type, type).append('\n');
    }

    /** A typed instruction with one operand: {@code ldoi 8}, {@code indr 0}, {@code deci 1}. */
    public void typed(String mnemonic, char type, int q) {
        instruction(mnemonic + type, type).append(' ').append(pad(q, 11)).append('\n');
    }

    /** A typed instruction with a level and an offset, or two bounds: {@code lodi 1 -36}. */
    public void typed(String mnemonic, char type, int p, int q) {
        instruction(mnemonic + type, type).append(' ').append(pad(p, Math.abs(p) > 99 ? 8 : 3))
                .append(' ').append(pad(q, 11)).append('\n');
    }

    /** An untyped instruction with one operand: {@code lao 8}, {@code ixa 4}, {@code mov 10}. */
    public void withOperand(String mnemonic, int q) {
        instruction(mnemonic, q).append(pad(q, 12)).append('\n');
    }

    /** An untyped instruction with two operands: {@code lda 1 -36}, {@code pck 10 20}. */
    public void withOperands(String mnemonic, int p, int q) {
        instruction(mnemonic, 0).append(' ').append(pad(p, 3)).append(' ').append(pad(q, 8)).append('\n');
    }

    /** A jump to a label: {@code ujp}, {@code fjp}, {@code tjp}, {@code xjp}. */
    public void jump(String mnemonic, int label) {
        instruction(mnemonic, 0).append(pad("l", 8)).append(pad(label, 4)).append('\n');
    }

    /** A comparison; strings and other multi-byte operands compare {@code size} bytes. */
    public void compare(String mnemonic, char type, int size) {
        StringBuilder line = instruction(mnemonic + type, type);
        if (type == 'm') {
            line.append(' ').append(pad(size, 11));
        }
        line.append('\n');
    }

    /** A call of a required routine: {@code csp wri}. */
    public void callStandard(String name) {
        instruction("csp", name).append(pad(" " + name, 12)).append('\n');
    }

    // ---------------------------------------------------------------- constants

    public void loadInteger(long value) {
        instruction("ldci", 'i').append(' ').append(value).append('\n');
    }

    public void loadBoolean(boolean value) {
        instruction("ldcb", 'b').append(' ').append(value ? 1 : 0).append('\n');
    }

    public void loadChar(int code) {
        StringBuilder line = instruction("ldcc", 'c');
        if (code >= ' ' && code <= '~') {
            line.append(" '").append((char) code).append("'\n");
        } else {
            line.append("  ").append(code).append('\n');
        }
    }

    /** A real constant, passed on as its literal text. */
    public void loadReal(String text) {
        instruction("ldcr", 'r').append(' ').append(text).append('\n');
    }

    public void loadNil() {
        instruction("ldcn", 'a').append('\n');
    }

    public void loadSet(BitSet members) {
        StringBuilder line = instruction("ldcs", 's').append('(');
        members.stream().forEach(m -> line.append(pad(m, 7)));
        line.append(")\n");
    }

    /** The address of a string constant: {@code lca 5 'hello'}, quotes doubled. */
    public void loadString(String value) {
        instruction("lca", 0).append(' ').append(pad(value.length(), 4)).append(" '")
                .append(value.replace("'", "''")).append("'\n");
    }

    // ---------------------------------------------------------------- calls and blocks

    /** Marks a new frame; {@code levelDifference} finds the callee's static link. */
    public void markStack(int levelDifference) {
        withOperand("mst", levelDifference);
    }

    /**
     * Calls the routine at {@code label} with {@code parameterBytes} of arguments pushed; a
     * function leaves {@code resultBytes} on the stack.
     */
    public void callUser(int parameterBytes, int label, int resultBytes) {
        out.append(" cup").append(pad(parameterBytes, 4)).append(pad("l", 4)).append(pad(label, 4)).append('\n');
        adjust(resultBytes - parameterBytes);
    }

    /** Calls through the routine descriptor whose address is on the stack. */
    public void callIndirect(int parameterBytes, int resultBytes) {
        out.append(" cip").append(pad(parameterBytes, 4)).append('\n');
        adjust(resultBytes - parameterBytes - Target.PTR_SIZE);
    }

    /** Pushes the descriptor of the routine at {@code label} (entry and static link). */
    public void loadProcedureAddress(int levelDifference, int label) {
        out.append(" lpa").append(pad(levelDifference, 4)).append(pad("l", 4)).append(pad(label, 4)).append('\n');
        adjust(2 * Target.PTR_SIZE);
    }

    /** A goto out of the current block into an enclosing one. */
    public void interproceduralJump(int levelDifference, int label) {
        out.append(" ipj").append(pad(levelDifference, 4)).append(pad("l", 8)).append(pad(label, 4)).append('\n');
    }

    /** Block entry: reserve the frame ({@code ents}) and the stack ({@code ente}). */
    public void enter(int frameLabel, int stackLabel) {
        out.append(" ents").append(pad("l", 8)).append(pad(frameLabel, 4)).append('\n');
        out.append(" ente").append(pad("l", 8)).append(pad(stackLabel, 4)).append('\n');
    }

    /** A case jump table entry that no case constant selects (pint: "Case - error"). */
    public void caseError() {
        out.append(" ujc\n");
    }

    // ---------------------------------------------------------------- internals

    private StringBuilder instruction(String mnemonic, char type) {
        adjust(StackEffects.of(mnemonic, type));
        return out.append(' ').append(mnemonic);
    }

    private StringBuilder instruction(String mnemonic, int operand) {
        adjust(StackEffects.of(mnemonic, operand));
        return out.append(' ').append(mnemonic);
    }

    private StringBuilder instruction(String mnemonic, String standardRoutine) {
        adjust(StackEffects.ofStandard(standardRoutine));
        return out.append(' ').append(mnemonic);
    }

    private static String pad(Object value, int width) {
        String s = String.valueOf(value);
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
