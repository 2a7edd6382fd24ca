package dev.mimic.forth.firmware;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.forth.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The FCode evaluator against the Forth compiler: a source tokenized by Debian's toke at test time
 * and evaluated as FCode prints what the same source prints when interpreted as Forth.
 */
class FCodeEvaluatorTest {
    static final Path SOURCES = Path.of("src/test/resources/ofw/fcode");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"control, INTERP", "control, JIT", "defining, INTERP", "defining, JIT"})
    void fcodeBehavesAsItsForthSource(String program, EngineKind engine) throws Exception {
        Path source = SOURCES.resolve(program + ".fth");
        Path fcode = toke(source, dir);

        Session asForth = firmware(engine);
        asForth.run(": fcode-version2 ; : fcode-end ;");
        String expected = asForth.run("include " + source.toAbsolutePath());
        assertEquals("", asForth.errors());

        Session asFCode = firmware(engine);
        String actual = asFCode.run("s\" " + fcode + "\" load-fcode");
        assertEquals("", asFCode.errors());
        assertFalse(expected.isBlank());
        assertEquals(expected, actual);
    }

    @Test
    void aNestedByteLoadLeavesItsCallersFCodeNumbersAlone() throws Exception {
        Path inner = toke(SOURCES.resolve("inner.fth"), dir);
        Path outer = toke(SOURCES.resolve("outer.fth"), dir);
        Session f = firmware(EngineKind.TIERED);
        f.run(": load-inner  s\" " + inner + "\" load-fcode ;");
        assertEquals("inner\nouter\n", f.run("s\" " + outer + "\" load-fcode"));
        assertEquals("", f.errors());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad header      | 10 00 00 00 01 2a                  | false | FCode error at offset 0x0: no FCode header",
        "bad checksum    | 10 00 00 00 01 2a 00                | true  | FCode error at offset 0x0: the checksum does not match",
        "unknown token   | a6 08 00 00                         | false | FCode error at offset 0x9: unknown FCode 0x800",
        "runaway length  | a6 a7                               | false | FCode error at offset 0xa: the program runs past its length"})
    void malformedFCodeIsReportedWithItsOffsetAndTheSystemGoesOn(String what, String body, boolean breakChecksum,
                                                                 String message) throws Exception {
        byte[] program = what.equals("bad header") ? hex(body) : program(hex(body), breakChecksum);
        Path file = dir.resolve("bad.fc");
        Files.write(file, program);
        Session f = firmware(EngineKind.TIERED);
        f.run("s\" " + file + "\" load-fcode");
        String errors = f.errors();
        assertTrue(errors.contains(message), () -> what + ": " + errors);
        assertEquals("3 ", f.run("1 2 + ."));
        assertEquals("", f.errors());
    }

    /** A start1 program around {@code body}, with its length and (unless broken) checksum. */
    static byte[] program(byte[] body, boolean breakChecksum) {
        byte[] p = new byte[8 + body.length];
        System.arraycopy(body, 0, p, 8, body.length);
        int sum = 0;
        for (byte b : body) {
            sum += b & 0xff;
        }
        sum = (sum + (breakChecksum ? 1 : 0)) & 0xffff;
        p[0] = (byte) 0xf1;
        p[1] = 8;
        p[2] = (byte) (sum >> 8);
        p[3] = (byte) sum;
        p[7] = (byte) p.length;
        return p;
    }

    static byte[] hex(String bytes) {
        String[] parts = bytes.trim().split("\\s+");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return b;
    }

    /** A session on the built-in firmware. */
    static Session firmware(EngineKind engine) {
        return new Session(engine, FirmwareImage.builtIn());
    }

    /** Tokenizes {@code source} with toke into {@code dir}; skipped when fcode-utils is missing. */
    static Path toke(Path source, Path dir) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/toke")), "toke is missing: install Debian's fcode-utils (scripts/test does)");
        Path out = dir.resolve(source.getFileName().toString().replaceFirst("\\.fth$", ".fc"));
        Process p = new ProcessBuilder("toke", "-o", out.toString(), source.toAbsolutePath().toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("toke.log").toFile()).start();
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS), "toke did not answer within 60 s");
        assertEquals(0, p.exitValue(), () -> "toke failed: " + readLog(dir));
        return out;
    }

    private static String readLog(Path dir) {
        try {
            return Files.readString(dir.resolve("toke.log"));
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
