package dev.mimic.forth;

import dev.mimic.backend.exec.EngineKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Forth-2012 words gforth 0.7.3 lacks (so no differential test covers them), and the console input words. */
@Timeout(60)
class WordSetTest {
    private final Session s = new Session(EngineKind.TIERED);

    private long[] stack(String program) {
        s.machine.evaluate(program);
        String errors = s.errors();
        assertEquals("", errors);
        return s.machine.dataStack();
    }

    @Test
    void valuesOfTwoCellsAndFloats_takeTo() {
        assertArrayEquals(new long[] {1, 2, 3, 4}, stack("1 2 2value pair pair 3 4 to pair pair"));
        s.machine.evaluate("2drop 2drop 1.5e fvalue half : set 2.5e to half ; set half f>s");
        assertArrayEquals(new long[] {2}, s.machine.dataStack());
    }

    @Test
    void structuresAndBuffers() {
        assertArrayEquals(new long[] {24, 0, 8, 16, 64}, stack(
                "0 field: a cfield: b aligned ffield: c constant size  size 0 a 0 b 0 c  64 buffer: buf  here buf -"));
    }

    @Test
    void synonymAndHolds() {
        assertEquals("7 ab12", s.run("synonym plus + 3 4 plus . <# 12 0 #s s\" ab\" holds #> type"));
        assertArrayEquals(new long[] {5}, stack("synonym also-dup dup 5 also-dup drop"));
    }

    @Test
    void deferredWords() {
        assertArrayEquals(new long[] {9, 9}, stack("defer op ' * is op 3 3 op action-of op ' * = ' op defer@ ' * = and 9 and"));
    }

    @Test
    void keyAndAccept_readTheTerminal() {
        ArrayDeque<String> lines = new ArrayDeque<>(List.of("hi", "a line"));
        Session t = new Session(ForthOptions.defaults().withLines(prompt -> lines.poll()));
        t.machine.evaluate("key key? key key key? pad 80 accept pad swap type");
        assertArrayEquals(new long[] {'h', -1, 'i', '\n', 0}, t.machine.dataStack());
        assertEquals("a line", t.output());
    }

    @Test
    void clockWords() {
        long[] date = stack("time&date");
        assertEquals(6, date.length);
        assertTrue(date[5] >= 2024 && date[4] >= 1 && date[4] <= 12, "year and month");
        long[] t = stack("2drop 2drop 2drop utime 10 ms utime 2swap d- drop");
        assertTrue(t[0] >= 10_000, "10 ms passed: " + t[0]);
    }

    @Test
    void includeFile_andSaveRestoreInput(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("x.fs"), String.join("\n",
                "variable seen  0 seen !  create saved 8 cells allot",
                ": mark ( -- ) save-input dup saved ! 0 ?do saved i 1+ cells + ! loop ;",
                ": go-back ( -- ) saved @ 0 ?do saved saved @ i - cells + @ loop saved @ restore-input throw ;",
                "mark",
                "seen @ 1+ seen !  seen @ 3 < [if] go-back [then]", ""));
        assertArrayEquals(new long[] {3}, stack("s\" " + file + "\" r/o open-file throw include-file seen @"));
    }

    @Test
    void words_listsTheFirstWordList() {
        assertTrue(s.run(": my-new-word ; words").startsWith("my-new-word "));
    }

    @Test
    void environmentQueries() {
        assertArrayEquals(new long[] {-1, -1, 64}, stack("s\" floored\" environment? s\" address-unit-bits\" environment? drop 8 *"));
    }
}
