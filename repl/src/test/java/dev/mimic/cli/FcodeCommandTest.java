package dev.mimic.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FcodeCommandTest {
    @TempDir
    Path dir;

    /** start1, format 8, checksum, length 13, then b(lit) 5 and end0. */
    private static final byte[] PROGRAM = {(byte) 0xF1, 0x08, 0x00, 0x15, 0, 0, 0, 14, 0x10, 0, 0, 0, 5, 0};

    @Test
    void detokListsTheTokens() throws IOException {
        Path file = dir.resolve("lit.fc");
        Files.write(file, PROGRAM);
        Mimic r = Mimic.run("fcode", "detok", file.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("b(lit)"), r.out());
        assertTrue(r.out().contains("end0"), r.out());
    }

    @Test
    void malformedImageIsOneLineAndStatus2() throws IOException {
        Path file = dir.resolve("bad.fc");
        Files.write(file, new byte[] {1, 2, 3});
        Mimic r = Mimic.run("fcode", "detok", file.toString());
        assertEquals(2, r.status());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("mimic fcode detok: " + file + ": offset 0x"), r.err());
    }
}
