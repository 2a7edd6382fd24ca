package dev.mimic.repl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkbenchTest {
    private static final String LOOP = """
            main:  li r0, 1
            spin:  addi r1, 1
                   bnz r0, spin
                   halt
            """;

    private final StringWriter text = new StringWriter();

    private Workbench workbench(String program, long budget) {
        return new Workbench(ToyMachine.of(program), new PrintWriter(text), budget);
    }

    /** What {@code command} printed. */
    private List<String> run(Workbench wb, String command) {
        text.getBuffer().setLength(0);
        wb.execute(command);
        return text.toString().lines().toList();
    }

    @Test
    void aTruncatedSnapshotIsRefusedInOneLineAndTheMachineIsUntouched(@TempDir Path dir) throws IOException {
        Workbench wb = workbench(LOOP, Long.MAX_VALUE);
        Path snap = dir.resolve("s.snap");
        run(wb, "save " + snap);
        byte[] bytes = Files.readAllBytes(snap);
        Files.write(snap, Arrays.copyOf(bytes, bytes.length / 2));
        run(wb, "step 2");
        List<String> out = run(wb, "restore " + snap);
        assertEquals(1, out.size(), out.toString());
        assertTrue(out.get(0).startsWith("restore: " + snap + ": offset "), out.get(0));
        assertEquals(List.of("pc = 0x8 (8)"), run(wb, "regs pc"));
    }

    @Test
    void ctrlCDuringContinueReturnsToThePrompt() throws InterruptedException {
        Workbench wb = workbench(LOOP, Long.MAX_VALUE);
        Thread user = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                wb.interrupt();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        user.start();
        List<String> out = run(wb, "continue");
        user.interrupt();
        user.join();
        assertTrue(out.get(0).startsWith("Interrupted at 0x"), out.toString());
        assertTrue(out.get(1).startsWith("=> 0x"), out.toString());
        assertEquals(List.of("r0 = 0x1 (1)"), run(wb, "regs r0"));
    }

    @Test
    void theStepBudgetStopsRunawayRuns() {
        Workbench wb = workbench(LOOP, 100);
        List<String> out = run(wb, "continue");
        assertEquals("Stopped at 0x4 (spin): instruction limit reached (100 instructions)", out.get(0));
        assertEquals(List.of("r1 = 0x32 (50)"), run(wb, "regs r1"));
    }

    @Test
    void traceWritesEachInstructionAboutToRun(@TempDir Path dir) throws IOException {
        Workbench wb = workbench(LOOP, Long.MAX_VALUE);
        Path trace = dir.resolve("trace.txt");
        run(wb, "trace on " + trace);
        run(wb, "step 4");
        assertEquals(List.of("4 instructions traced to " + trace), run(wb, "trace off"));
        assertEquals(List.of("0x0 <main>:  li r0, 1", "0x4 <spin>:  addi r1, 1", "0x8 <spin+4>:  bnz r0, 0x4 <spin>",
                "0x4 <spin>:  addi r1, 1"), Files.readAllLines(trace));
    }

    @Test
    void quitEndsTheSessionAndNothingElseDoes() {
        Workbench wb = workbench(LOOP, Long.MAX_VALUE);
        assertTrue(wb.execute("frobnicate"));
        assertTrue(wb.execute("break nowhere"));
        assertTrue(wb.execute(""));
        assertFalse(wb.execute("quit"));
    }

    @Test
    void breakpointsFireUnderEveryEngine() {
        for (String engine : new String[] {"interp", "jit", "tiered"}) {
            Workbench wb = workbench(LOOP, Long.MAX_VALUE);
            run(wb, "engine " + engine);
            run(wb, "break spin if r1 == 7");
            assertEquals("Breakpoint 1 at 0x4 (spin)", run(wb, "continue").get(0), engine);
            assertEquals(List.of("r1 = 0x7 (7)"), run(wb, "regs r1"), engine);
        }
    }
}
