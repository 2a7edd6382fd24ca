package dev.mimic.forth;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.exec.StopEvent;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Calls between colon definitions are JVM calls (IR CALL) where they can be: everything the
 * dispatcher would do must still happen inside them (deep recursion, THROW across them, Ctrl-C,
 * instruction budgets, breakpoints set after the code was compiled).
 */
@Timeout(60)
class CallsTest {
    @ParameterizedTest
    @EnumSource(value = EngineKind.class, names = {"INTERP", "JIT", "TIERED"})
    void recursionDeeperThanTheJvmCallLimit_stillComputes(EngineKind engine) {
        Session s = new Session(engine);
        s.machine.evaluate(": sum ( n -- n' ) dup 0= if exit then dup 1- recurse + ; 10000 sum 3 sum");
        assertArrayEquals(new long[] {50005000, 6}, s.machine.dataStack(), s.errors());
    }

    @ParameterizedTest
    @EnumSource(value = EngineKind.class, names = {"INTERP", "JIT"})
    void throwFromDeepInside_returnsToItsCatch(EngineKind engine) {
        Session s = new Session(engine);
        s.machine.evaluate(": down ( n -- ) dup 0= if 7 throw then 1- recurse ; : try ( -- 0 7 ) 100 ['] down catch ; try try");
        assertArrayEquals(new long[] {0, 7, 0, 7}, s.machine.dataStack(), s.errors());
    }

    @ParameterizedTest
    @EnumSource(value = EngineKind.class, names = {"INTERP", "JIT"})
    void returnStackTricks_leaveTheCallerAsTheyWould(EngineKind engine) {
        Session s = new Session(engine);
        s.machine.evaluate(": leave-caller r> drop ; : f 1 leave-caller 2 ; : g f 3 ; g");
        assertArrayEquals(new long[] {1, 3}, s.machine.dataStack(), s.errors());
    }

    @ParameterizedTest
    @EnumSource(value = EngineKind.class, names = {"INTERP", "JIT"})
    void anInterruptStopsALoopInsideACall(EngineKind engine) throws InterruptedException {
        Session s = new Session(engine);
        s.machine.evaluate(": spin begin again ; : outer spin ;");
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            s.machine.engine().interrupt();
        });
        stopper.start();
        assertEquals(Outcome.failed(-28), s.machine.evaluate("outer"));
        stopper.join();
        assertEquals("3 ", s.run("1 2 + ."));
    }

    @ParameterizedTest
    @EnumSource(value = EngineKind.class, names = {"INTERP", "JIT"})
    void anInstructionBudgetStopsALoopInsideACall(EngineKind engine) {
        Session s = new Session(engine);
        s.machine.evaluate(": spin begin again ; : outer spin ;");
        s.machine.prepare("outer");
        assertEquals(StopEvent.Kind.LIMIT, s.machine.engine().run(100_000).kind());
    }

    @ParameterizedTest
    @EnumSource(value = EngineKind.class, names = {"INTERP", "JIT"})
    void aBreakpointSetAfterTheCodeRan_stopsTheCall(EngineKind engine) {
        Session s = new Session(engine);
        s.machine.evaluate(": sq dup * ; : go 0 100 0 do i sq + loop ; go drop");
        s.machine.engine().debugPoints().addBreakpoint(s.machine.resolve("sq").orElseThrow(), "sq", null);
        s.machine.prepare("go");
        StopEvent stop = s.machine.engine().run(Long.MAX_VALUE);
        assertEquals(StopEvent.Kind.BREAKPOINT, stop.kind());
        assertEquals(List.of("sq", "go"), s.machine.callStack().stream().map(f -> f.procedure()).limit(2).toList());
    }
}
