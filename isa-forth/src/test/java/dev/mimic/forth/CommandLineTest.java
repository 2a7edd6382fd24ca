package dev.mimic.forth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ForthMachine#run()}: gforth's command line, ok loop, error reports and exit statuses. */
@Timeout(60)
class CommandLineTest {
    @TempDir
    Path dir;

    private static LineSource lines(String... input) {
        Deque<String> queue = new ArrayDeque<>(List.of(input));
        return prompt -> queue.poll();
    }

    private Session session(LineSource input, ForthOptions.Argument... arguments) {
        return new Session(ForthOptions.defaults().withArguments(List.of(arguments)).withLines(input));
    }

    @Test
    void bye_exitsWithZero_andAByeCodeWithItsCode() {
        assertEquals(0, session(lines(), ForthOptions.Argument.evaluate("1 2 + . bye")).machine.run());
        Session s = session(lines(), ForthOptions.Argument.evaluate("3 (bye)"));
        assertEquals(3, s.machine.run());
    }

    @Test
    void filesAndTexts_runInOrder_thenTheOkLoopUntilTheEndOfInput() throws IOException {
        Path file = Files.writeString(dir.resolve("a.fs"), ": twice 2 * ;\n.( loaded) cr\n");
        Session s = session(lines("3 twice .", ": x", " 4 twice . ;", "x"), ForthOptions.Argument.file(file.toString()),
                ForthOptions.Argument.evaluate("5 twice ."));
        assertEquals(0, s.machine.run());
        assertEquals("loaded\n10 6  ok\n compiled\n ok\n8  ok\n\n", s.output());
    }

    @Test
    void anErrorInAFile_isReportedWithItsLine_andExitsWithOne() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.fs"), ": fine ;\n\n  3 nosuch 4\n");
        Session s = session(lines("bye"), ForthOptions.Argument.file(file.toString()), ForthOptions.Argument.evaluate("bye"));
        assertEquals(1, s.machine.run());
        assertEquals(file + ":3: Undefined word\n  3 >>>nosuch<<< 4\n", s.errors());
    }

    @Test
    void anErrorInAnIncludedFile_namesTheIncludingFile() throws IOException {
        Files.writeString(dir.resolve("inner.fs"), "1 2\n 0 0 / \n");
        Path outer = Files.writeString(dir.resolve("outer.fs"), "\ninclude ./inner.fs\n");
        Session s = session(lines(), ForthOptions.Argument.file(outer.toString()));
        assertEquals(1, s.machine.run());
        assertEquals("in file included from " + outer + ":2\n" + dir.resolve("inner.fs") + ":2: Division by zero\n 0 0 >>>/<<< \n",
                s.errors());
    }

    @Test
    void anErrorInTheOkLoop_isReported_andTheLoopGoesOnWithEmptyStacks() {
        Session s = session(lines("1 2 foo", ".s"));
        assertEquals(0, s.machine.run());
        assertEquals("<0>  ok\n\n", s.output());
        assertEquals("*the terminal*:1: Undefined word\n1 2 >>>foo<<<\n", s.errors());
    }

    @Test
    void pipedInput_isEchoedAsGforthEchoesIt() {
        String input = "1 2 + .\n: x\n 3 . ;\nx\n";
        Session s = new Session(ForthOptions.defaults().withInput(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))));
        assertEquals(0, s.machine.runInteractive());
        assertEquals("1 2 + . 3  ok\n: x  compiled\n 3 . ;  ok\nx 3  ok\n\n", s.output());
    }

    @Test
    void anInstructionBudget_endsTheRunWithOne() {
        Session s = session(lines(), ForthOptions.Argument.evaluate(": spin begin again ; spin"));
        assertEquals(1, s.machine.run(1_000_000));
        assertTrue(s.errors().startsWith("instruction limit reached at spin"), s.errors());
    }

    @Test
    void requireIncludesAFileOnce() throws IOException {
        Path file = Files.writeString(dir.resolve("once.fs"), ".( once) ");
        Session s = session(lines());
        s.machine.evaluate("s\" " + file + "\" required s\" " + file + "\" required s\" " + file + "\" included");
        assertEquals("onceonce", s.output());
    }
}
