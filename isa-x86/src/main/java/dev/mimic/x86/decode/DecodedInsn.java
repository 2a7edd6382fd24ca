package dev.mimic.x86.decode;

/**
 * One decoded x86 instruction: its form in the table and everything the prefixes, ModRM, SIB,
 * displacement and immediates said. The translator emits IR from it and the disassembler prints it.
 *
 * @param operandSize  2 or 4 bytes (after any 66 prefix)
 * @param addressSize  2 or 4 bytes (after any 67 prefix)
 * @param segment      the segment override (0 ES .. 5 GS), or -1
 * @param repeat       0, or the repeat prefix byte 0xF3 or 0xF2 in effect
 * @param mod          the ModRM mod field, or -1 without ModRM
 * @param base         the base register of a memory operand, or -1 (none, or a register operand)
 * @param index        the index register of a memory operand, or -1
 * @param scale        the index's scale as a shift, 0..3
 * @param displacement the displacement of a memory operand (sign-extended) or the moffs address
 * @param low          the register of a {@code +r} form or the condition of a {@code +cc} form
 * @param immediate    the first immediate (sign-extended for Ibs and relative offsets, else zero-extended)
 * @param immediate2   the second immediate (ENTER's nesting level, a far pointer's selector)
 */
public record DecodedInsn(long address, int length, OpForm form, int operandSize, int addressSize, int segment,
                          boolean lock, int repeat, int mod, int reg, int rm, int base, int index, int scale,
                          int displacement, int low, long immediate, int immediate2) {

    /** Segment register numbers, in the SDM's Sreg encoding order. */
    public static final int ES = 0, CS = 1, SS = 2, DS = 3, FS = 4, GS = 5;

    /** True for NOP at 90, whose F3 prefix the decoder keeps: F3 90 is PAUSE. */
    static boolean isNop(OpForm form) {
        return form.map() == OpForm.ONE_BYTE && form.opcode() == 0x90 && !form.opcodeRegister();
    }

    /** True for PAUSE (F3 90), the spin-wait hint, which the table decodes as NOP. */
    public boolean pause() {
        return repeat == 0xF3 && isNop(form);
    }

    /** The address of the next instruction. */
    public long next() {
        return address + length;
    }

    /** True when the r/m operand is memory. */
    public boolean rmIsMemory() {
        return mod >= 0 && mod != 3;
    }

    /** The segment a memory operand that defaults to {@code defaultSegment} uses, after any override. */
    public int segmentFor(int defaultSegment) {
        return segment >= 0 ? segment : defaultSegment;
    }

    /** The default segment of the ModRM memory operand: SS for eBP/eSP bases, else DS (SDM vol. 1 3.7.5). */
    public int modrmDefaultSegment() {
        return base == 4 || base == 5 ? SS : DS;
    }

    /** The operand kind at position {@code i}. */
    public OperandKind operand(int i) {
        return form.operands().get(i);
    }

    /** The mnemonic, with "cc" replaced by the condition of a {@code +cc} form. */
    public String mnemonic() {
        String m = form.mnemonic();
        return form.condition() ? m.replace("cc", Conditions.suffix(low)) : m;
    }
}
