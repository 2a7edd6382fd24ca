package dev.mimic.pcode.machine;

import dev.mimic.backend.debug.Snapshot;
import dev.mimic.backend.exec.StopEvent;
import dev.mimic.backend.machine.Disassembly;
import dev.mimic.backend.machine.MachineException;
import dev.mimic.backend.machine.StackFrame;
import dev.mimic.pcode.Runs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The p-machine as the debugger sees it: registers, store, symbols, source lines, call stack, snapshots. */
class PMachineTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private PMachine procs() {
        return procs(Runs.interpreter());
    }

    private PMachine procs(Runs.Engine engine) {
        return new PMachine(Runs.resource("golden/procs.p5"), Runs.options(engine, "", out, new ByteArrayOutputStream()));
    }

    static List<Runs.Engine> engines() {
        return Runs.engines();
    }

    @Test
    void procedureNamesAndSourceLinesResolveToCode() {
        PMachine m = procs();
        long fact = m.resolve("fact").orElseThrow();
        assertEquals(Optional.of("fact"), m.symbolize(fact));
        assertEquals(Optional.of("fact+5"), m.symbolize(fact + 5));
        assertEquals(m.resolve("FACT"), m.resolve("fact"), "Pascal names ignore case");
        long line4 = m.resolve("procs.pas:4").orElseThrow();
        assertEquals(m.resolve("line:4"), Optional.of(line4));
        assertEquals(4, m.sourceLine(line4).orElseThrow());
        assertEquals(Optional.of("fact+10"), m.symbolize(line4), "line 4 starts after ents and ente");
        assertEquals(Optional.empty(), m.resolve("nosuch"));
        assertTrue(m.symbolNames().containsAll(List.of("fact", "swap", "outer", "inner", "procs")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void breakpointInARecursiveFunctionStopsAtEveryCallAndShowsTheCallStack(Runs.Engine engine) {
        PMachine m = procs(engine);
        long fact = m.resolve("fact").orElseThrow();
        m.engine().debugPoints().addBreakpoint(fact, "fact", null);
        StopEvent first = m.engine().run(Long.MAX_VALUE);
        assertEquals(StopEvent.Kind.BREAKPOINT, first.kind());
        assertEquals(fact, m.register("pc"));
        for (int k = 0; k < 3; k++) {
            assertEquals(StopEvent.Kind.BREAKPOINT, m.engine().run(Long.MAX_VALUE).kind());
        }
        for (int k = 0; k < 2; k++) {
            m.engine().step();
        }
        List<StackFrame> stack = m.callStack();
        assertEquals(List.of("fact", "fact", "fact", "fact", "procs"), stack.stream().map(StackFrame::procedure).toList());
        assertEquals(List.of(new StackFrame.Variable("n", "7")), stack.get(0).variables());
        assertEquals(List.of(new StackFrame.Variable("n", "8")), stack.get(1).variables());
        assertEquals(List.of(new StackFrame.Variable("g", "0"), new StackFrame.Variable("a", "0"), new StackFrame.Variable("b", "0")),
                stack.get(4).variables());
        assertEquals(Optional.of("fact"), m.symbolize(stack.get(1).returnAddress()).map(s -> s.replaceAll("\\+.*", "")));
    }

    @Test
    void varParametersShowTheVariableTheyReferTo() {
        PMachine m = procs();
        m.engine().debugPoints().addBreakpoint(m.resolve("procs.pas:11").orElseThrow(), "swap end", null);
        assertEquals(StopEvent.Kind.BREAKPOINT, m.engine().run(Long.MAX_VALUE).kind());
        assertEquals(List.of(new StackFrame.Variable("a", "2"), new StackFrame.Variable("b", "1"), new StackFrame.Variable("t", "1")),
                m.callStack().get(0).variables());
    }

    @Test
    void disassemblyUsesTheTableAndNamesTargets() {
        PMachine m = procs();
        List<Disassembly> start = m.disassemble(0, 3);
        assertEquals("mst 0", start.get(0).text());
        assertEquals("cup 0," + m.resolve("procs").orElseThrow() + " <procs>", start.get(1).text());
        assertEquals("stp", start.get(2).text());
        long fact = m.resolve("fact").orElseThrow();
        Disassembly ents = m.disassemble(fact, 1).get(0);
        assertEquals("fact", ents.label());
        assertEquals("ents -36", ents.text());
        assertEquals(fact + 5, ents.next());
        assertThrows(MachineException.class, () -> m.disassemble(-1, 1));
    }

    @Test
    void registersAndStoreAreReadAndWrittenByName() {
        PMachine m = procs();
        assertEquals(List.of("pc", "sp", "mp", "np", "ep"), m.registerNames());
        assertEquals("pc", m.pcRegister());
        m.setRegister("ep", 1234);
        assertEquals(1234, m.register("EP"));
        m.writeMemory(m.program().globalsBase() + 8, new byte[] {7});
        assertEquals(7, m.readMemory(m.program().globalsBase() + 8, 1)[0]);
        assertEquals("unknown register 'xp' (the p-machine has pc, sp, mp, np, ep)",
                assertThrows(MachineException.class, () -> m.register("xp")).getMessage());
        assertThrows(MachineException.class, () -> m.readMemory(16777215, 2));
    }

    @Test
    void resetRunsTheProgramAgainFromTheStart() {
        PMachine m = procs();
        assertEquals(0, m.runToCompletion());
        String first = out.toString(StandardCharsets.ISO_8859_1);
        m.reset();
        assertEquals(0, m.runToCompletion());
        assertEquals(first + first, out.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void snapshotTakenMidRunRestoresIntoAnotherMachine(@TempDir Path dir) {
        PMachine m = procs();
        m.engine().debugPoints().addBreakpoint(m.resolve("outer").orElseThrow(), "outer", null);
        assertEquals(StopEvent.Kind.BREAKPOINT, m.engine().run(Long.MAX_VALUE).kind());
        Path file = dir.resolve("procs.snap");
        Snapshot.save(m, file);
        int before = out.size();
        assertEquals(0, m.runToCompletion());
        String rest = out.toString(StandardCharsets.ISO_8859_1).substring(before);

        ByteArrayOutputStream other = new ByteArrayOutputStream();
        PMachine n = new PMachine(Runs.resource("golden/procs.p5"), Runs.options(Runs.interpreter(), "", other, new ByteArrayOutputStream()));
        Snapshot.restore(n, file);
        assertEquals(m.resolve("outer").orElseThrow(), n.register("pc"));
        assertEquals(0, n.runToCompletion());
        assertEquals(rest, other.toString(StandardCharsets.ISO_8859_1));
    }
}
