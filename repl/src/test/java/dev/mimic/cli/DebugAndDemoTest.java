package dev.mimic.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DebugAndDemoTest {
    private static final String COUNTDOWN = """
            program countdown(output);
            var i: integer;
            procedure show(n: integer);
            begin
              writeln(n:2)
            end;
            begin
              for i := 3 downto 1 do show(i)
            end.
            """;

    @TempDir
    Path dir;

    private String write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }

    @Test
    void batchFileDrivesTheWorkbenchAndEchoesCommands() throws IOException {
        String script = write("script.txt", "break show\ncontinue\nbt\ndelete\ncontinue\n");
        Mimic r = Mimic.run("debug", "--batch", script, "pascal", write("countdown.pas", COUNTDOWN));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("(mimic) break show\nBreakpoint 1 at "), r.out());
        assertTrue(r.out().contains("(mimic) bt\n#0  show (n = 3) at "), r.out());
        assertTrue(r.out().endsWith(" 3\n 2\n 1\nProgram exited with code 0\n"), r.out());
    }

    @Test
    void theBatchOptionMayFollowTheMachine() throws IOException {
        Mimic r = Mimic.run("debug", "pascal", write("countdown.pas", COUNTDOWN), "--batch", write("script.txt", "continue\n"));
        assertEquals(0, r.status(), r.err());
        assertEquals("(mimic) continue\n 3\n 2\n 1\nProgram exited with code 0\n", r.out());
    }

    @Test
    void commandsComeFromStdinWhenItIsNotATerminal() throws IOException {
        Mimic r = Mimic.withInput("step 2\nquit\ncontinue\n", "debug", "pascal", "--stats", "--engine=interp",
                write("countdown.pas", COUNTDOWN));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("(mimic) step 2\n=> 0x"), r.out());
        assertTrue(r.out().endsWith("(mimic) quit\n"), r.out());
        assertTrue(r.err().contains("guest instructions:   2\n"), r.err());
    }

    @Test
    void aMissingBatchFileIsOneLine() throws IOException {
        Path script = dir.resolve("none.txt");
        Mimic r = Mimic.run("debug", "--batch", script.toString(), "pascal", write("countdown.pas", COUNTDOWN));
        assertEquals(2, r.status());
        assertEquals("mimic debug pascal: " + script + ": no such file\n", r.err());
    }

    @Test
    void theDemoStepsRunsAndReportsStatisticsInUnderSixtyLines() {
        Mimic r = Mimic.run("demo");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        long lines = r.out().lines().count();
        assertTrue(lines < 60, lines + " lines:\n" + r.out());
        for (String expected : new String[] {"(mimic) regs\n", "(mimic) step 3\n", "(mimic) break place\n", "(mimic) bt\n#0  place (row = 1",
                "  8x8      92\nProgram exited with code 0\n", "guest instructions:"}) {
            assertTrue(r.out().contains(expected), expected + " missing from:\n" + r.out());
        }
    }

    @Test
    void specsCoverageReportsThePMachinesOpcodes(@TempDir Path home) {
        String before = System.getProperty("mimic.home");
        System.setProperty("mimic.home", home.toString());
        try {
            Mimic r = Mimic.run("specs", "coverage", "pcode");
            assertEquals(0, r.status(), r.err());
            String last = r.out().lines().reduce((a, b) -> b).orElseThrow();
            assertTrue(last.matches("p5: \\d+ instructions, \\d+ with IR semantics \\(\\d+%\\), tests not run \\(no record at .*\\)"), last);
        } finally {
            if (before == null) {
                System.clearProperty("mimic.home");
            } else {
                System.setProperty("mimic.home", before);
            }
        }
    }
}
