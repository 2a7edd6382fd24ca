package dev.mimic.x86.decode;

import dev.mimic.backend.exec.GuestFault;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The decoder and the disassembler agree with GNU objdump on instructions written from the table with
 * random prefixes, ModRM, SIB, displacements and immediates (16- and 32-bit addressing): the same
 * length and the same mnemonic. Encodings the table does not have (#UD here) are not compared, since
 * objdump knows later instruction sets.
 */
@AddLifecycleHook(ObjdumpAgreementProperties.NeedsObjdump.class)
class ObjdumpAgreementProperties {
    private static final X86Decoder DECODER = new X86Decoder(X86Isa.get());
    private static final int[] PREFIXES = {0x66, 0x67, 0xF3, 0xF2, 0x2E, 0x3E, 0x26, 0x36, 0x64, 0x65};
    private static final Set<String> PREFIX_WORDS = Set.of("cs", "ds", "es", "ss", "fs", "gs", "data16", "data32",
            "addr16", "addr32", "lock", "rep", "repz", "repnz", "repe", "repne", "bnd", "notrack", "xacquire", "xrelease");

    /** Skips when binutils' objdump is not installed. */
    public static final class NeedsObjdump implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return Files.isExecutable(Path.of("/usr/bin/objdump")) ? SkipResult.doNotSkip()
                    : SkipResult.skip("objdump is not installed (Debian: binutils)");
        }
    }

    @Property(tries = 600)
    void lengthAndMnemonicAgreeWithObjdump(@ForAll("instructions") byte[] code) throws IOException, InterruptedException {
        DecodedInsn insn;
        try {
            insn = DECODER.decode(a -> code[(int) a], 0, true);
        } catch (GuestFault undefined) {
            return;
        }
        if (insn.form().mnemonic().equals("salc")) {
            return; // undocumented, so objdump does not know it; the host CPU runs it (DifferentialProperties)
        }
        if (insn.form().map() == OpForm.ONE_BYTE && insn.form().opcode() == 0x90 && insn.low() == 0) {
            return; // 90 with prefixes is NOP, XCHG AX, AX or PAUSE depending on who reads it; all do nothing
        }
        if (insn.form().mnemonic().equals("fwait")) {
            return; // objdump prints FWAIT and a following FNSAVE, FNSTSW... as one FSAVE, FSTSW...
        }
        if (insn.form().map() == OpForm.TWO_BYTE && insn.form().opcode() >= 0x18 && insn.form().opcode() <= 0x1E) {
            return; // the P6 hint-NOP space: objdump reads later CPUs' prefetch, MPX and endbr32 there, even their lengths differ
        }
        String[] objdump = objdump(code);
        if (insn.form().map() == OpForm.TWO_BYTE && mandatoryPrefixed(code, objdump[1])) {
            return; // later processors made 66, F2 and F3 before 0F select new instructions; a Pentium Pro ignores them
        }
        String text = X86Disassembler.format(insn);
        assertEquals(objdump[0], String.valueOf(insn.length()), "length of " + hex(code) + " (" + text + " / " + objdump[1] + ")");
        String expected = normal(objdump[1]);
        String actual = normal(text);
        // objdump marks the operand size of some forms with a w or d (retfw, sgdtd); the operands say it here.
        boolean suffixed = expected.equals(actual + "w") || expected.equals(actual + "d");
        assertEquals(expected, suffixed ? expected : actual, "mnemonic of " + hex(code));
    }

    /** True when objdump read a 0F instruction with a 66, F2 or F3 prefix as another instruction. */
    private static boolean mandatoryPrefixed(byte[] code, String objdump) {
        for (byte b : code) {
            if (b == (byte) 0xF2 || b == (byte) 0xF3) {
                return true;
            }
            if (b == 0x66 && objdump.contains("(bad)")) {
                return true;
            }
            if (b == 0x0F) {
                return false;
            }
        }
        return false;
    }

    /** The first instruction's length and text as objdump prints it. */
    private static String[] objdump(byte[] code) throws IOException, InterruptedException {
        Path file = Files.createTempFile("x86-", ".bin");
        try {
            Files.write(file, code);
            Process p = new ProcessBuilder("objdump", "-D", "-b", "binary", "-m", "i386", "-M", "intel", file.toString())
                    .redirectErrorStream(true).start();
            List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.matches("\\s+[0-9a-f]+:\t.*")).toList();
            p.waitFor();
            int length = 0;
            String text = "";
            for (String line : lines) {
                String[] f = line.split("\t");
                String lineText = f.length > 2 ? f[2].trim() : "";
                if (!lineText.isEmpty()) {
                    if (!text.isEmpty() && !normal(text).isEmpty()) {
                        break;
                    }
                    // objdump prints a redundant prefix as an instruction of its own; it belongs to the next.
                    text = (text + " " + lineText).trim();
                }
                length += f[1].trim().split(" ").length;
            }
            return new String[] {String.valueOf(length), text};
        } finally {
            Files.delete(file);
        }
    }

    /** The mnemonic without prefixes, with the spellings that differ made one. */
    private static String normal(String text) {
        for (String word : text.split("[ ,]+")) {
            if (!PREFIX_WORDS.contains(word)) {
                return switch (word) {
                    case "sal" -> "shl";
                    // Later processors read these F3-prefixed encodings as new instructions; a Pentium Pro
                    // ignores the prefix.
                    case "tzcnt" -> "bsf";
                    case "lzcnt" -> "bsr";
                    case "pause" -> "nop";
                    case "pushad", "pushaw" -> "pusha";
                    case "popad", "popaw" -> "popa";
                    case "pushfd", "pushfw" -> "pushf";
                    case "popfd", "popfw" -> "popf";
                    case "iretd", "iretw" -> "iret";
                    case "jmpf" -> "jmp";
                    case "callf" -> "call";
                    case "movsb", "movsw", "movsd" -> "movs";
                    case "cmpsb", "cmpsw", "cmpsd" -> "cmps";
                    case "stosb", "stosw", "stosd" -> "stos";
                    case "lodsb", "lodsw", "lodsd" -> "lods";
                    case "scasb", "scasw", "scasd" -> "scas";
                    case "insb", "insw", "insd" -> "ins";
                    case "outsb", "outsw", "outsd" -> "outs";
                    default -> word;
                };
            }
        }
        return "";
    }

    private static String hex(byte[] code) {
        StringBuilder s = new StringBuilder();
        for (byte b : code) {
            s.append(String.format("%02x", b));
        }
        return s.toString();
    }

    @Provide
    Arbitrary<byte[]> instructions() {
        List<OpForm> forms = X86Isa.get().forms();
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            OpForm f = forms.get(r.nextInt(forms.size()));
            byte[] b = new byte[20];
            int n = 0;
            for (int i = r.nextInt(3); i > 0; i--) {
                b[n++] = (byte) PREFIXES[r.nextInt(PREFIXES.length)];
            }
            if (f.map() == OpForm.TWO_BYTE) {
                b[n++] = 0x0F;
            }
            b[n++] = (byte) (f.opcode() + (f.opcodeRegister() ? r.nextInt(8) : f.condition() ? r.nextInt(16) : 0));
            int modrm = n;
            while (n < b.length) {
                b[n++] = (byte) r.nextInt(256);
            }
            if (f.digit() >= 0) {
                b[modrm] = (byte) (b[modrm] & 0xC7 | f.digit() << 3);
            }
            return b;
        });
    }
}
