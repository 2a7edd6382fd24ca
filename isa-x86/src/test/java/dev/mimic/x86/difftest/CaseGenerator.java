package dev.mimic.x86.difftest;

import dev.mimic.x86.cpu.Flags;
import dev.mimic.x86.decode.DecodedInsn;
import dev.mimic.x86.decode.OpForm;
import dev.mimic.x86.decode.OperandKind;
import dev.mimic.x86.decode.X86Decoder;
import dev.mimic.x86.decode.X86Isa;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

/**
 * Writes random user-mode instructions from the table, encoded so that the native sandbox and Mimic
 * can both run them: no control transfers, memory operands inside the scratch page (absolute, or
 * relative to EBP and ESP, which no instruction changes except through the stack), and a few
 * instructions in front where an instruction needs a register set up (string pointers, shift counts,
 * bit offsets). It tracks which flags are undefined so that none is read and the comparison masks them.
 */
final class CaseGenerator {
    static final int EBP = (int) MimicSandbox.SCRATCH + 128;
    static final int ESP = (int) MimicSandbox.SCRATCH + 768;
    /** Defines all six arithmetic flags: CMP EAX, ECX. */
    private static final byte[] DEFINE_FLAGS = {0x39, (byte) 0xC8};
    /** The flags the tests compare: the arithmetic ones and DF. */
    static final int COMPARED = Flags.ARITHMETIC | Flags.DF;

    /** The integer forms the generator may pick: runnable in the sandbox, not leaving straight-line code. */
    static final List<OpForm> INTEGER_FORMS = X86Isa.get().forms().stream()
            .filter(f -> f.sandboxed() && f.flow() == OpForm.Flow.NEXT && !isX87(f)).toList();
    /** The x87 forms the sandbox can compare. */
    static final List<OpForm> X87_FORMS = X86Isa.get().forms().stream().filter(f -> f.sandboxed() && isX87(f)).toList();
    /** Where the x87 prologue keeps its control word and the epilogue stores the environment and the stack. */
    private static final int CONTROL_WORD = (int) MimicSandbox.SCRATCH + 1016;
    private static final int ENVIRONMENT = (int) MimicSandbox.SCRATCH + 900;
    private static final int STACK_DUMP = ENVIRONMENT + 28;

    private final List<OpForm> forms;
    private final Random random;
    private final X86Decoder decoder = new X86Decoder(X86Isa.get());
    private final ByteArrayOutputStream code = new ByteArrayOutputStream();
    private int undefined;

    CaseGenerator(List<OpForm> forms) {
        this.forms = forms;
        this.random = new Random();
    }

    private static boolean isX87(OpForm f) {
        return f.map() == OpForm.ONE_BYTE && f.opcode() >= 0xD8 && f.opcode() <= 0xDF;
    }

    /**
     * FNINIT, eight FLDZ and FNINIT again, so that the empty registers hold +0 as in a new FPU (FXAM
     * shows their sign), then FLDCW {@code controlWord} (which sets precision and rounding control).
     */
    static byte[] x87Prologue(int controlWord) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xDB, (byte) 0xE3});
        for (int i = 0; i < 8; i++) {
            out.writeBytes(new byte[] {(byte) 0xD9, (byte) 0xEE});
        }
        out.writeBytes(new byte[] {(byte) 0xDB, (byte) 0xE3, 0x66, (byte) 0xC7, 0x05});
        le32(out, CONTROL_WORD);
        out.writeBytes(new byte[] {(byte) controlWord, (byte) (controlWord >>> 8), (byte) 0xD9, 0x2D});
        le32(out, CONTROL_WORD);
        return out.toByteArray();
    }

    /**
     * FNSTENV into the scratch page with its instruction and operand pointers zeroed (this FPU does not
     * track them), then eight FSTP TBYTE PTR, so that the memory comparison sees the control, status and
     * tag words and the whole stack bit for bit (an empty register stores the indefinite).
     */
    static byte[] x87Epilogue() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xD9, 0x35});
        le32(out, ENVIRONMENT);
        for (int offset = 12; offset < 28; offset += 4) {
            out.writeBytes(new byte[] {(byte) 0xC7, 0x05});
            le32(out, ENVIRONMENT + offset);
            le32(out, 0);
        }
        for (int i = 0; i < 8; i++) {
            out.writeBytes(new byte[] {(byte) 0xDB, 0x3D});
            le32(out, STACK_DUMP + 10 * i);
        }
        return out.toByteArray();
    }

    /** The code written so far. */
    byte[] code() {
        return code.toByteArray();
    }

    /** The flags the comparison may look at after the code written so far. */
    int flagMask() {
        return COMPARED & ~undefined;
    }

    /** Appends one instruction chosen and encoded by {@code seed} (with any set-up it needs). */
    void add(long seed) {
        random.setSeed(seed);
        OpForm form = forms.get(Math.floorMod(seed, forms.size()));
        for (int attempt = 0; attempt < 20; attempt++) {
            ByteArrayOutputStream setup = new ByteArrayOutputStream();
            byte[] insn = encode(form, setup);
            if (insn != null && decodesAs(insn, form)) {
                if ((form.flagsRead() & undefined) != 0) {
                    code.writeBytes(DEFINE_FLAGS);
                    undefined = 0;
                }
                code.writeBytes(setup.toByteArray());
                code.writeBytes(insn);
                undefined = undefined & ~form.flagsWritten() | form.flagsUndefined();
                return;
            }
        }
    }

    private boolean decodesAs(byte[] insn, OpForm form) {
        try {
            DecodedInsn d = decoder.decode(a -> insn[(int) a], 0, true);
            return d.form() == form && d.length() == insn.length;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The instruction's bytes, with any register set-up written to {@code setup}; null to try again. */
    private byte[] encode(OpForm form, ByteArrayOutputStream setup) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean o16 = form.operandSize() == 16 || (form.operandSize() == 0 && !isX87(form) && random.nextInt(4) == 0);
        int opsize = o16 ? 2 : 4;
        boolean memory = !form.registerOnly() && (form.operands().stream().anyMatch(k -> k.method() == OperandKind.Method.MEMORY)
                || random.nextBoolean());
        String mnemonic = form.mnemonic();
        boolean string = form.operands().stream().anyMatch(k -> k.method() == OperandKind.Method.SOURCE_STRING
                || k.method() == OperandKind.Method.DEST_STRING);
        if (string) {
            setRegister(setup, 6, (int) MimicSandbox.SCRATCH + 192 + random.nextInt(128));
            setRegister(setup, 7, (int) MimicSandbox.SCRATCH + 448 + random.nextInt(128));
            // At least one iteration, so that REPE/REPNE forms do write the flags the table says.
            setRegister(setup, 1, 1 + random.nextInt(12));
            if (random.nextBoolean()) {
                out.write(random.nextBoolean() ? 0xF3 : 0xF2);
            }
        }
        if (mnemonic.equals("xlat")) {
            setRegister(setup, 3, (int) MimicSandbox.SCRATCH + 256);
        }
        if (o16) {
            out.write(0x66);
        }
        // LEA computes an address without touching memory, so it can try 16-bit addressing, whose
        // addresses would fall outside the sandbox's memory.
        boolean address16 = mnemonic.equals("lea") && random.nextBoolean();
        if (address16) {
            out.write(0x67);
        }
        if (random.nextInt(5) == 0) {
            out.write(new int[] {0x26, 0x2E, 0x36, 0x3E}[random.nextInt(4)]);
        }
        if (form.lockable() && memory && random.nextInt(3) == 0) {
            out.write(0xF0);
        }
        if (form.map() == OpForm.TWO_BYTE) {
            out.write(0x0F);
        }
        int width = form.operands().isEmpty() ? opsize : form.operands().get(0).bytes(opsize);
        int opcode = form.opcode();
        if (form.opcodeRegister()) {
            opcode += register(form.operands().get(0).bytes(opsize));
        } else if (form.condition()) {
            opcode += random.nextInt(16);
        }
        out.write(opcode);
        boolean shift = mnemonic.matches("sh[lr]|sa[lr]|sh[lr]d");
        int shiftLimit = mnemonic.startsWith("sh") && mnemonic.endsWith("d") ? 8 * opsize : 8 * width;
        if (form.modrm()) {
            int reg = form.digit() >= 0 ? form.digit() : register(regWidth(form, opsize));
            if (address16) {
                writeAddress16(out, reg);
            } else if (memory) {
                writeMemoryOperand(out, reg);
            } else {
                out.write(0xC0 | reg << 3 | (form.fixedRm() >= 0 ? form.fixedRm() : register(width)));
            }
            if (mnemonic.startsWith("bt") && form.operands().get(1).method() == OperandKind.Method.REG && memory) {
                // A register bit offset may reach anywhere; keep it near the operand.
                setRegister(setup, reg, random.nextInt(384) - 128);
            }
        }
        if (form.operands().contains(OperandKind.CL) && (shift || mnemonic.startsWith("r"))) {
            setRegister(setup, 1, 1 + random.nextInt(shift ? Math.min(shiftLimit, 32) - 1 : 31));
        }
        for (OperandKind k : form.operands()) {
            int n = k.immediateBytes(opsize, 4);
            if (n == 0) {
                continue;
            }
            long value = random.nextLong();
            if (k.method() == OperandKind.Method.OFFSET) {
                value = MimicSandbox.SCRATCH + random.nextInt(MimicSandbox.SCRATCH_SIZE - 8);
            }
            if (k == OperandKind.Ib && (shift || mnemonic.matches("r[oc][lr]"))) {
                // A count of zero leaves the flags alone, which the undefined-flag tracking does not model.
                value = 1 + random.nextInt(shift ? Math.min(shiftLimit, 32) - 1 : 31);
            }
            for (int i = 0; i < n; i++) {
                out.write((int) (value >>> 8 * i));
            }
        }
        if (mnemonic.equals("div") || mnemonic.equals("idiv")) {
            if (random.nextBoolean()) {
                setRegister(setup, 2, random.nextInt(3) - 1);
            }
        }
        return out.toByteArray();
    }

    private static int regWidth(OpForm form, int opsize) {
        for (OperandKind k : form.operands()) {
            if (k.method() == OperandKind.Method.REG) {
                return k.bytes(opsize);
            }
        }
        return 4;
    }

    /** A general register to name as an operand of {@code width} bytes: never ESP or EBP (SP, BP) unless it is a byte register. */
    private int register(int width) {
        if (width == 1) {
            return random.nextInt(8);
        }
        int[] safe = {0, 1, 2, 3, 6, 7};
        return safe[random.nextInt(safe.length)];
    }

    /** A ModRM memory operand inside the scratch page. */
    private void writeMemoryOperand(ByteArrayOutputStream out, int reg) {
        switch (random.nextInt(5)) {
            case 0 -> { // [disp32]
                out.write(reg << 3 | 5);
                le32(out, (int) MimicSandbox.SCRATCH + random.nextInt(1024 - 8));
            }
            case 1 -> { // [ebp + disp8]
                out.write(0x40 | reg << 3 | 5);
                out.write(random.nextInt(256));
            }
            case 2 -> { // [ebp + disp32]
                out.write(0x80 | reg << 3 | 5);
                le32(out, random.nextInt(700));
            }
            case 3 -> { // [ebp + disp8] through a SIB byte without index
                out.write(0x44 | reg << 3);
                out.write(random.nextInt(4) << 6 | 4 << 3 | 5);
                out.write(random.nextInt(256));
            }
            default -> { // [esp + disp8]
                out.write(0x44 | reg << 3);
                out.write(4 << 3 | 4);
                out.write(random.nextInt(128));
            }
        }
    }

    /** Any 16-bit ModRM memory form (SDM vol. 2 table 2-1) with its displacement. */
    private void writeAddress16(ByteArrayOutputStream out, int reg) {
        int mod = random.nextInt(3);
        int rm = random.nextInt(8);
        out.write(mod << 6 | reg << 3 | rm);
        int displacement = mod == 1 ? 1 : mod == 2 || rm == 6 ? 2 : 0;
        for (int i = 0; i < displacement; i++) {
            out.write(random.nextInt(256));
        }
    }

    /** MOV r32, imm32. */
    private static void setRegister(ByteArrayOutputStream out, int reg, int value) {
        out.write(0xB8 + reg);
        le32(out, value);
    }

    private static void le32(ByteArrayOutputStream out, int v) {
        for (int i = 0; i < 4; i++) {
            out.write(v >>> 8 * i);
        }
    }
}
