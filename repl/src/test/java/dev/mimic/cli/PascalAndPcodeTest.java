package dev.mimic.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PascalAndPcodeTest {
    private static final String SQUARES = """
            program squares(output);
            var i: integer;
            begin
              for i := 1 to 4 do writeln(i * i:3)
            end.
            """;
    private static final String SQUARES_OUTPUT = "  1\n  4\n  9\n 16\n";

    @TempDir
    Path dir;

    private String file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"interp", "jit", "tiered"})
    void pascalCompilesAndRunsOnEveryEngine(String engine) throws IOException {
        Mimic r = Mimic.run("pascal", "--engine=" + engine, file("squares.pas", SQUARES));
        assertEquals(0, r.status(), r.err());
        assertEquals(SQUARES_OUTPUT, r.out());
        assertEquals("", r.err());
    }

    @Test
    void compileOnlyWritesPcodeThatThePcodeCommandRuns() throws IOException {
        String source = file("squares.pas", SQUARES);
        Path p5 = dir.resolve("out.p5");
        Mimic compiled = Mimic.run("pascal", "-c", "-o", p5.toString(), source);
        assertEquals(0, compiled.status(), compiled.err());
        assertEquals("", compiled.out());
        assertTrue(Files.size(p5) > 0);
        Mimic ran = Mimic.run("pcode", p5.toString());
        assertEquals(0, ran.status(), ran.err());
        assertEquals(SQUARES_OUTPUT, ran.out());
    }

    @Test
    void compileOnlyWithoutOutputWritesBesideTheSource() throws IOException {
        String source = file("squares.pas", SQUARES);
        assertEquals(0, Mimic.run("pascal", "-c", source).status());
        assertTrue(Files.exists(dir.resolve("squares.p5")));
    }

    @Test
    void everyCompileErrorIsPrintedAndTheStatusIs2() throws IOException {
        String source = file("bad.pas", """
                program bad(output);
                var i: integer;
                begin
                  i := undefined1;
                  i := undefined2
                end.
                """);
        Mimic r = Mimic.run("pascal", source);
        assertEquals(2, r.status());
        String[] lines = r.errLines();
        assertEquals(3, lines.length, r.err());
        assertTrue(lines[0].startsWith("bad.pas:4:"), lines[0]);
        assertTrue(lines[1].startsWith("bad.pas:5:"), lines[1]);
        assertEquals("mimic pascal: " + source + ": 2 errors", lines[2]);
        assertEquals("", r.out());
    }

    @Test
    void aRuntimeErrorIsTheGuestsStatus() throws IOException {
        Mimic r = Mimic.run("pascal", file("crash.pas", """
                program crash(output);
                var d: integer;
                begin
                  d := 0;
                  writeln(1 div d)
                end.
                """));
        assertEquals(1, r.status());
        assertArrayEquals(new String[] {"crash.pas:5: runtime error: division by zero"}, r.errLines());
    }

    @Test
    void missingInputFilesAreOneLineNamingTheFile() {
        Path missing = dir.resolve("missing.p5");
        assertArrayEquals(new String[] {"mimic pcode: " + missing + ": no such file"}, Mimic.run("pcode", missing.toString()).errLines());
        Path source = dir.resolve("missing.pas");
        Mimic r = Mimic.run("pascal", source.toString());
        assertEquals(2, r.status());
        assertArrayEquals(new String[] {"mimic pascal: " + source + ": no such file"}, r.errLines());
    }

    @Test
    void malformedPcodeIsOneLineWithFileAndLine() throws IOException {
        Mimic r = Mimic.run("pcode", file("bad.p5", "this is not p-code\n"));
        assertEquals(2, r.status());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("mimic pcode: " + dir.resolve("bad.p5") + ":1: "), r.err());
    }

    @Test
    void statsReportBlocksAndInstructionsOnStderr() throws IOException {
        Mimic r = Mimic.run("pascal", "--stats", "--engine=jit", file("squares.pas", SQUARES));
        assertEquals(0, r.status());
        assertEquals(SQUARES_OUTPUT, r.out());
        assertTrue(r.err().contains("blocks interpreted:"), r.err());
        assertTrue(r.err().contains("blocks run compiled:"), r.err());
        assertTrue(r.err().matches("(?s).*guest instructions: +[1-9][0-9,]*\\R"), r.err());
    }

    @Test
    void theStepBudgetStopsAnEndlessProgram() throws IOException {
        Mimic r = Mimic.run("pascal", "--max-steps", "1000", "--jit-threshold", "3", file("forever.pas", """
                program forever(output);
                begin
                  while true do
                end.
                """));
        assertEquals(1, r.status());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("stopped after 1000 steps"), r.err());
    }
}
