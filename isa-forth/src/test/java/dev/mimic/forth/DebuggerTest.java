package dev.mimic.forth;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.exec.StopEvent;
import dev.mimic.backend.machine.Disassembly;
import dev.mimic.backend.machine.StackFrame;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The machine as the workbench sees it: stepping word by word, breaking on a word, the call stack, SEE. */
@Timeout(60)
class DebuggerTest {
    private static Session loaded(EngineKind engine) {
        Session s = new Session(engine);
        s.machine.evaluate(": sq ( n -- n*n ) dup * ;  : go ( -- n ) 3 sq 1+ ;");
        return s;
    }

    @ParameterizedTest
    @EnumSource(value = EngineKind.class, names = {"INTERP", "JIT"})
    void breakOnAWordName_stopsAtItsFirstWord_withTheCallChain(EngineKind engine) {
        Session s = loaded(engine);
        long sq = s.machine.resolve("sq").orElseThrow();
        s.machine.engine().debugPoints().addBreakpoint(sq, "sq", null);
        s.machine.prepare("go");
        StopEvent stop = s.machine.engine().run(Long.MAX_VALUE);
        assertEquals(StopEvent.Kind.BREAKPOINT, stop.kind());
        assertEquals(sq, stop.pc());
        List<StackFrame> frames = s.machine.callStack();
        assertEquals(List.of("sq", "go"), frames.stream().map(StackFrame::procedure).limit(2).toList());
        assertEquals("<1> 3", frames.get(0).variables().get(0).value());
        assertTrue(frames.get(0).variables().get(1).value().endsWith(" go+24"), frames.get(0).variables().get(1).value());
        assertEquals(frames.get(1).pc(), frames.get(0).returnAddress());
        assertEquals("sq", s.machine.symbolize(sq).orElseThrow());
        assertEquals("go+24", s.machine.symbolize(frames.get(0).returnAddress()).orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(value = EngineKind.class, names = {"INTERP", "JIT"})
    void step_runsOneWordAtATime(EngineKind engine) {
        Session s = loaded(engine);
        s.machine.engine().debugPoints().addBreakpoint(s.machine.resolve("go").orElseThrow(), "go", null);
        s.machine.prepare("go");
        s.machine.engine().run(Long.MAX_VALUE);
        List<String> trace = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long pc = s.machine.register("pc");
            trace.add(s.machine.symbolize(pc).orElse("?") + " " + s.machine.disassemble(pc, 1).get(0).text()
                    + " " + s.machine.callStack().get(0).variables().get(0).value());
            s.machine.engine().step();
        }
        assertEquals(List.of("go lit 3 <0>", "go+16 sq <1> 3", "sq dup <1> 3", "sq+8 * <2> 3 3", "sq+16 exit <1> 9"), trace);
        assertEquals(StopEvent.Kind.EXITED, s.machine.engine().run(Long.MAX_VALUE).kind());
        assertEquals(List.of(10L, 0L), List.of(s.machine.dataStack()[0], s.machine.dataStack()[1]));
    }

    @ParameterizedTest
    @EnumSource(value = EngineKind.class, names = {"INTERP"})
    void disassemblyAndSee_showTheWordsOfTheThread(EngineKind engine) {
        Session s = loaded(engine);
        long go = s.machine.resolve("go").orElseThrow();
        List<Disassembly> lines = s.machine.disassemble(go, 4);
        assertEquals(List.of("lit 3", "sq", "1+", "exit"), lines.stream().map(Disassembly::text).toList());
        assertEquals("go", lines.get(0).label());
        assertEquals(": go\n  3 sq 1+ ;\n", s.run("see go"));
        assertTrue(s.machine.symbolNames().contains("sq"));
    }
}
