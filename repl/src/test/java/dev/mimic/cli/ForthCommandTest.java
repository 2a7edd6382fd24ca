package dev.mimic.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForthCommandTest {
    @TempDir
    Path dir;

    @Test
    void filesThenEvaluatedTextThenBye() throws IOException {
        Path file = dir.resolve("square.fs");
        Files.writeString(file, ": square dup * ;\n");
        for (String engine : new String[] {"interp", "jit", "tiered"}) {
            Mimic r = Mimic.run("forth", "--engine=" + engine, file.toString(), "-e", "7 square . cr bye");
            assertEquals(0, r.status(), r.err());
            assertEquals("49 \n", r.out(), engine);
        }
    }

    @Test
    void filesAndTextsAreProcessedInCommandLineOrderAsGforthDoes() throws IOException {
        Path file = dir.resolve("two.fs");
        Files.writeString(file, "2 .\n");
        Mimic r = Mimic.run("forth", "-e", "1 .", file.toString(), "-e", "3 .", file.toString(), "-e", "cr bye");
        assertEquals(0, r.status(), r.err());
        assertEquals("1 2 3 2 \n", r.out());
    }

    @Test
    void undefinedWordInAFileIsReportedAndTheExitStatusIsNotZero() throws IOException {
        Path file = dir.resolve("bad.fs");
        Files.writeString(file, "1 2 +\nfrobnicate\n");
        Mimic r = Mimic.run("forth", file.toString(), "-e", "bye");
        assertTrue(r.status() != 0, "status " + r.status());
        assertTrue(r.err().contains("frobnicate"), r.err());
    }
}
