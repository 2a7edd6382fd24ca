package dev.mimic.backend.exec;

import dev.mimic.backend.debug.Condition;
import dev.mimic.backend.debug.Watchpoint;
import dev.mimic.backend.interp.InterpretedCode;
import dev.mimic.backend.ir.Region;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.mimic.backend.exec.TinyMachine.*;
import static org.junit.jupiter.api.Assertions.*;

class EngineTest {
    /** r1 counts down from 5 in a one-region loop, r2 accumulates, then r0 = r2 stored at 0x400. */
    private static TinyMachine countdown(EngineKind kind) {
        return new TinyMachine(kind).load(
                insn(LI, 1, 5),      // 0
                insn(LI, 2, 0),      // 4
                insn(JMP, 0, 12),    // 8
                insn(ADDI, 2, 10),   // 12  loop head (own region)
                insn(ADDI, 1, -1),   // 16
                insn(BNZ, 1, 12),    // 20
                insn(ST, 2, 0x400),  // 24
                insn(LD, 0, 0x400),  // 28
                insn(HALT, 0, 0));   // 32
    }

    @Test
    void runsToGuestExitAndCountsInstructions() {
        TinyMachine m = countdown(EngineKind.INTERP);
        StopEvent e = m.engine().run(Long.MAX_VALUE);
        assertEquals(StopEvent.Kind.EXITED, e.kind());
        assertEquals(50, e.exitCode());
        assertEquals(3 + 5 * 3 + 3, m.engine().context().instructions);
    }

    @Test
    void stepExecutesExactlyOneInstruction() {
        TinyMachine m = countdown(EngineKind.INTERP);
        StopEvent e = m.engine().step();
        assertEquals(StopEvent.Kind.STEPPED, e.kind());
        assertEquals(4, m.register("pc"));
        assertEquals(5, m.register("r1"));
        assertEquals(0, m.register("r2"));
        assertEquals(1, m.engine().context().instructions);
    }

    @Test
    void breakpointInsideLoopStopsBeforeTheInstructionEachIteration() {
        TinyMachine m = countdown(EngineKind.INTERP);
        m.engine().debugPoints().addBreakpoint(16, "16", null);
        List<Long> r2AtStop = new ArrayList<>();
        StopEvent e;
        while ((e = m.engine().run(Long.MAX_VALUE)).kind() == StopEvent.Kind.BREAKPOINT) {
            assertEquals(16, e.pc());
            r2AtStop.add(m.register("r2"));
        }
        assertEquals(List.of(10L, 20L, 30L, 40L, 50L), r2AtStop);
        assertEquals(StopEvent.Kind.EXITED, e.kind());
    }

    @Test
    void conditionalBreakpointFiresOnlyWhenConditionHolds() {
        TinyMachine m = countdown(EngineKind.INTERP);
        m.engine().debugPoints().addBreakpoint(16, "16", Condition.parse("r2 == 30"));
        StopEvent e = m.engine().run(Long.MAX_VALUE);
        assertEquals(StopEvent.Kind.BREAKPOINT, e.kind());
        assertEquals(30, m.register("r2"));
        assertEquals(StopEvent.Kind.EXITED, m.engine().run(Long.MAX_VALUE).kind());
    }

    @Test
    void writeWatchpointStopsAfterTheWritingInstruction() {
        TinyMachine m = countdown(EngineKind.INTERP);
        m.engine().debugPoints().addWatchpoint(0x400, 4, Watchpoint.Access.WRITE, "0x400", null);
        StopEvent e = m.engine().run(Long.MAX_VALUE);
        assertEquals(StopEvent.Kind.WATCHPOINT, e.kind());
        assertEquals(28, e.pc(), "stops with the pc after the store");
        assertTrue(e.message().contains("old 0x0, new 0x32"), e.message());
    }

    @Test
    void readWatchpointWithConditionOnValue() {
        TinyMachine m = countdown(EngineKind.INTERP);
        m.engine().debugPoints().addWatchpoint(0x400, 1, Watchpoint.Access.READ, "0x400", Condition.parse("value == 50"));
        StopEvent e = m.engine().run(Long.MAX_VALUE);
        assertEquals(StopEvent.Kind.WATCHPOINT, e.kind());
        assertEquals(32, e.pc());
        assertEquals(50, m.register("r0"));
    }

    @Test
    void instructionLimitStopsAnEndlessLoop() {
        TinyMachine m = new TinyMachine(EngineKind.INTERP).load(insn(LI, 1, 1), insn(BNZ, 1, 4));
        StopEvent e = m.engine().run(1000);
        assertEquals(StopEvent.Kind.LIMIT, e.kind());
        assertTrue(m.engine().context().instructions >= 1000);
        assertTrue(m.engine().context().instructions < 1000 + Engine.MAX_REGION_INSTRUCTIONS);
    }

    @Test
    void interruptFromAnotherThreadStopsAnEndlessLoop() throws Exception {
        TinyMachine m = new TinyMachine(EngineKind.INTERP).load(insn(LI, 1, 1), insn(BNZ, 1, 4));
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException ignored) {
                return;
            }
            m.engine().interrupt();
        });
        stopper.start();
        StopEvent e = m.engine().run(Long.MAX_VALUE);
        stopper.join();
        assertEquals(StopEvent.Kind.INTERRUPTED, e.kind());
    }

    @Test
    void anInterruptBetweenRunsIsDroppedByRunAndKeptByRunKeepingInterrupt() {
        TinyMachine m = new TinyMachine(EngineKind.INTERP).load(insn(LI, 1, 1), insn(HALT, 0, 0));
        m.engine().interrupt();
        StopEvent kept = m.engine().runKeepingInterrupt(Long.MAX_VALUE);
        assertEquals(StopEvent.Kind.INTERRUPTED, kept.kind());
        assertEquals(0, m.engine().context().instructions, "the kept interrupt stops the run before its first instruction");
        m.engine().interrupt();
        StopEvent dropped = m.engine().run(Long.MAX_VALUE);
        assertEquals(StopEvent.Kind.EXITED, dropped.kind());
    }

    @Test
    void faultIsReportedAtTheFaultingInstruction() {
        TinyMachine m = new TinyMachine(EngineKind.INTERP).load(insn(LI, 1, 7), insn(DIV, 1, 0), insn(HALT, 0, 0));
        StopEvent e = m.engine().run(Long.MAX_VALUE);
        assertEquals(StopEvent.Kind.FAULTED, e.kind());
        assertEquals(4, e.pc());
        assertEquals(7, m.register("r1"), "the faulting instruction changed nothing");
        assertEquals(1, m.engine().context().instructions);
    }

    @Test
    void invalidInstructionFaultsAtItsAddress() {
        TinyMachine m = new TinyMachine(EngineKind.INTERP).load(insn(LI, 1, 7), insn(99, 0, 0));
        StopEvent e = m.engine().run(Long.MAX_VALUE);
        assertEquals(StopEvent.Kind.FAULTED, e.kind());
        assertEquals(4, e.pc());
    }

    @Test
    void writingDecodedCodeInvalidatesIt() {
        // The program overwrites the LI at 12 (after running it once) with LI r0, 99 and runs it again.
        int patched = LI | 0 << 8 | 99 << 16;
        TinyMachine m = new TinyMachine(EngineKind.INTERP).load(
                insn(LI, 3, 2),            // 0
                insn(JMP, 0, 12),          // 4
                insn(HALT, 0, 0),          // 8
                insn(LI, 0, 1),            // 12
                insn(ADDI, 3, -1),         // 16
                insn(BNZ, 3, 28),          // 20
                insn(JMP, 0, 8),           // 24
                insn(LD, 2, 0x300),        // 28
                insn(ST, 2, 12),           // 32
                insn(JMP, 0, 12));         // 36
        m.flatMemory().store32(0x300, patched);
        StopEvent e = m.engine().run(Long.MAX_VALUE);
        assertEquals(StopEvent.Kind.EXITED, e.kind());
        assertEquals(99, e.exitCode());
    }

    @Test
    void tieredEngineCompilesHotRegionsOnce() {
        AtomicInteger compiles = new AtomicInteger();
        RegionCompiler counting = region -> {
            compiles.incrementAndGet();
            return new CompiledStandIn(region);
        };
        TinyMachine m = new TinyMachine(EngineKind.TIERED, counting).load(
                insn(LI, 1, 100), insn(JMP, 0, 8), insn(ADDI, 1, -1), insn(JMP, 0, 16), insn(BNZ, 1, 8), insn(HALT, 0, 0));
        m.engine().setTierThreshold(10);
        assertEquals(StopEvent.Kind.EXITED, m.engine().run(Long.MAX_VALUE).kind());
        assertEquals(2, compiles.get(), "the two hot regions, each once");
        assertTrue(m.engine().stats().compiledRuns() > 150);
    }

    @Test
    void tieredEngineCompilesALoopThatNeverLeavesItsRegion() {
        AtomicInteger compiles = new AtomicInteger();
        TinyMachine m = new TinyMachine(EngineKind.TIERED, r -> {
            compiles.incrementAndGet();
            return new CompiledStandIn(r);
        }).load(insn(LI, 1, 30000), insn(JMP, 0, 8), insn(ADDI, 1, -1), insn(BNZ, 1, 8), insn(HALT, 0, 0));
        assertEquals(StopEvent.Kind.EXITED, m.engine().run(Long.MAX_VALUE).kind());
        assertEquals(1, compiles.get(), "the loop region, compiled once it had looped long enough");
        assertEquals(3, m.engine().stats().interpretedRuns(), "entry, one slice of the loop, exit");
        assertEquals(1, m.engine().stats().compiledRuns(), "the rest of the loop");
    }

    @Test
    void breakpointOnALoopHeadStopsEveryIteration() {
        TinyMachine m = new TinyMachine(EngineKind.INTERP)
                .load(insn(LI, 1, 3), insn(JMP, 0, 8), insn(ADDI, 1, -1), insn(BNZ, 1, 8), insn(HALT, 0, 0));
        m.engine().debugPoints().addBreakpoint(8, "8", null);
        int stops = 0;
        while (m.engine().run(Long.MAX_VALUE).kind() == StopEvent.Kind.BREAKPOINT) {
            stops++;
        }
        assertEquals(3, stops);
    }

    @Test
    void faultLeavesThePcOnTheFaultingInstruction() {
        TinyMachine m = new TinyMachine(EngineKind.INTERP).load(insn(LI, 1, 7), insn(ADDI, 1, 1), insn(DIV, 1, 0), insn(HALT, 0, 0));
        m.engine().run(Long.MAX_VALUE);
        assertEquals(8, m.register("pc"));
    }

    @Test
    void jitEngineCompilesEveryRegionBeforeRunningIt() {
        AtomicInteger compiles = new AtomicInteger();
        TinyMachine m = new TinyMachine(EngineKind.JIT, r -> {
            compiles.incrementAndGet();
            return new CompiledStandIn(r);
        });
        countdownInto(m);
        assertEquals(StopEvent.Kind.EXITED, m.engine().run(Long.MAX_VALUE).kind());
        assertEquals(m.engine().stats().regionsDecoded(), compiles.get());
        assertEquals(0, m.engine().stats().interpretedRuns());
    }

    @Test
    void switchingEngineKeepsResults() {
        TinyMachine m = countdown(EngineKind.INTERP);
        m.engine().step();
        m.engine().setKind(EngineKind.JIT);
        assertEquals(50, m.engine().run(Long.MAX_VALUE).exitCode());
    }

    private static void countdownInto(TinyMachine m) {
        m.load(insn(LI, 1, 3), insn(ADDI, 1, -1), insn(BNZ, 1, 4), insn(HALT, 0, 0));
    }

    /** Stands in for compiled code in policy tests: interpreter semantics, reported as compiled. */
    private static final class CompiledStandIn implements RegionCode {
        private final InterpretedCode code;

        CompiledStandIn(Region region) {
            this.code = new InterpretedCode(region);
        }

        @Override
        public int run(ExecutionContext ctx, Frame frame) {
            return code.run(ctx, frame);
        }

        @Override
        public boolean compiled() {
            return true;
        }
    }
}
