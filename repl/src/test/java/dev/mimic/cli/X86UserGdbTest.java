package dev.mimic.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debian's gdb debugging a program under {@code mimic x86-user -g}: breakpoints by source line,
 * stepping over a line, registers, variables, memory, a hardware watchpoint's old and new values,
 * the program's exit code, a crash, and Ctrl-C stopping a running program, under each engine.
 */
class X86UserGdbTest {
    private static final String SOURCE = """
            int some_global = 1;
            unsigned char some_array[4] = {0x11, 0x22, 0x33, 0x44};

            static void bump(int by) {
                some_global += by;
            }

            int main(void) {
                some_array[0] = 0x55;
                bump(5);
                bump(2);
                return some_global - 5;
            }
            """;

    /** Says it runs, then spins until gdb interrupts it. */
    private static final String SPINNER = """
            #include <unistd.h>
            volatile int spins;
            int main(void) {
                write(1, "spinning\\n", 9);
                for (;;) spins++;
            }
            """;

    /** Writes through a null pointer on line 3. */
    private static final String CRASHER = """
            int main(void) {
                volatile int *nowhere = 0;
                *nowhere = 1;
                return 0;
            }
            """;

    /** Leaves pi over 1 on the x87 stack at line 3. */
    private static final String FLOATS = """
            int main(void) {
                __asm__ volatile ("fld1\\n\\tfldpi");
                __asm__ volatile ("nop");
                return 0;
            }
            """;

    @TempDir
    static Path dir;
    private static Path program, spinner, crasher, floats;

    @BeforeAll
    static void build() throws Exception {
        GdbBatch.assumeInstalled();
        program = GuestPrograms.compile(dir, "watched", SOURCE, "-g", "-O0");
        spinner = GuestPrograms.compile(dir, "spinner", SPINNER, "-g", "-O0");
        crasher = GuestPrograms.compile(dir, "crasher", CRASHER, "-g", "-O0");
        floats = GuestPrograms.compile(dir, "floats", FLOATS, "-g", "-O0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"interp", "jit", "tiered"})
    void gdbBreaksStepsReadsAndWatches(String engine) throws Exception {
        try (MimicWithStub mimic = MimicWithStub.start("--engine=" + engine, program.toString())) {
            String out = gdb(program, mimic.port(), "break main", "continue", "next", "info registers eip", "info line 10",
                    "print some_global", "x/4xb &some_array", "watch some_global", "continue", "continue", "continue").finish();
            String file = dir.resolve("watched.c").toString();
            assertTrue(out.contains("Breakpoint 1, main () at " + file + ":9\n"), out);
            assertTrue(out.contains("\n10\t    bump(5);\n"), out);

            Matcher eip = Pattern.compile("eip\\s+(0x[0-9a-f]+)\\s+0x[0-9a-f]+ <main\\+\\d+>").matcher(out);
            assertTrue(eip.find(), out);
            assertTrue(out.contains("Line 10 of \"" + file + "\" starts at address " + eip.group(1) + " "), out);

            assertTrue(out.contains("$1 = 1\n"), out);
            assertTrue(out.contains("<some_array>:\t0x55\t0x22\t0x33\t0x44\n"), out);
            assertTrue(out.contains("Hardware watchpoint 2: some_global\n\nOld value = 1\nNew value = 6\nbump (by=5) at " + file + ":6\n"), out);
            assertTrue(out.contains("Hardware watchpoint 2: some_global\n\nOld value = 6\nNew value = 8\nbump (by=2) at " + file + ":6\n"), out);
            assertTrue(out.contains("[Inferior 1 (Remote target) exited with code 03]"), out);

            Mimic r = mimic.finish();
            assertEquals(3, r.status(), r.err());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"interp", "jit"})
    void ctrlCInterruptsTheRunningProgram(String engine) throws Exception {
        try (MimicWithStub mimic = MimicWithStub.start("--engine=" + engine, spinner.toString())) {
            GdbBatch gdb = gdb(spinner, mimic.port(), "continue", "print spins > 0", "kill");
            mimic.awaitOutput("spinning\n");
            Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(gdb.process().pid())).start();
            assertEquals(0, kill.waitFor());
            String out = gdb.finish();
            assertTrue(out.contains("Program received signal SIGINT, Interrupt.\n"), out);
            assertTrue(out.contains("$1 = 1\n"), out);
            Mimic r = mimic.finish();
            assertEquals(X86UserCommand.KILLED_STATUS, r.status(), r.err());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"interp", "jit"})
    void aCrashStopsAtTheFaultingLineThenKillsTheProgram(String engine) throws Exception {
        try (MimicWithStub mimic = MimicWithStub.start("--engine=" + engine, crasher.toString())) {
            String out = gdb(crasher, mimic.port(), "continue", "print nowhere", "continue").finish();
            assertTrue(out.contains("Program received signal SIGSEGV, Segmentation fault.\n"), out);
            assertTrue(out.contains(" in main () at " + dir.resolve("crasher.c") + ":3\n3\t    *nowhere = 1;\n"), out);
            assertTrue(out.contains("$1 = (volatile int *) 0x0\n"), out);
            assertTrue(out.contains("Program terminated with signal SIGSEGV, Segmentation fault."), out);
            Mimic r = mimic.finish();
            assertEquals(128 + 11, r.status(), r.err());
            assertTrue(r.err().contains("Segmentation fault"), r.err());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"interp", "jit"})
    void gdbReadsAndWritesTheX87Registers(String engine) throws Exception {
        try (MimicWithStub mimic = MimicWithStub.start("--engine=" + engine, floats.toString())) {
            String out = gdb(floats, mimic.port(), "break 3", "continue", "print $st0", "print $st1", "print/x $fctrl",
                    "print ($fstat >> 11) & 7", "print/x $ftag", "set var $st1 = 2.5", "print $st1", "info float", "kill").finish();
            assertTrue(Pattern.compile("\\$1 = 3\\.14159265358979323\\d*\n").matcher(out).find(), out);
            assertTrue(out.contains("$2 = 1\n"), out);
            assertTrue(out.contains("$3 = 0x37f\n"), out);
            assertTrue(out.contains("$4 = 6\n"), out);
            assertTrue(out.contains("$5 = 0xfff\n"), out);
            assertTrue(out.contains("$6 = 2.5\n"), out);
            assertTrue(Pattern.compile("=>R6: Valid +0x4000c90fdaa22168c235 \\+3\\.14159").matcher(out).find(), out);
            mimic.finish();
        }
    }

    /** Starts {@code gdb --batch} on {@code program} against the stub. */
    private static GdbBatch gdb(Path program, int port, String... commands) throws IOException {
        return GdbBatch.start(dir, port, List.of(), List.of(commands), program.toString());
    }
}
