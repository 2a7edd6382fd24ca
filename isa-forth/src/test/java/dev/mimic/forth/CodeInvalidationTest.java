package dev.mimic.forth;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.exec.RegionCompiler;
import dev.mimic.backend.jit.Jit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writes into threaded code drop its compiled regions; ordinary data-space writes do not. */
@Timeout(60)
class CodeInvalidationTest {
    /** The entry address of every region compiled, in order. */
    private final List<Long> compiled = Collections.synchronizedList(new ArrayList<>());
    private final Session s = new Session(ForthOptions.defaults().withEngine(EngineKind.JIT).withCompiler(counting()));

    private RegionCompiler counting() {
        Jit jit = new Jit();
        return region -> {
            compiled.add(region.entryPc());
            return jit.compile(region);
        };
    }

    @Test
    void storingIntoACompiledLiteral_changesWhatRuns() {
        s.machine.evaluate(": five 5 ; : run-it 0 100 0 do five + loop ; run-it");
        assertArrayEquals(new long[] {500}, s.machine.dataStack());
        s.machine.evaluate("drop ' five >body");
        long body = s.machine.dataStack()[0];
        int before = compiled.size();
        s.machine.evaluate("drop 7 ' five >body cell+ ! run-it");
        assertArrayEquals(new long[] {700}, s.machine.dataStack());
        assertTrue(compiled.subList(before, compiled.size()).contains(body), "the patched region was compiled again");
    }

    @Test
    void storingAnotherXtIntoAThread_callsTheNewWord() {
        s.machine.evaluate(": a 1 ; : b 2 ; : use a ; use use");
        s.machine.evaluate("' b ' use >body ! use");
        assertArrayEquals(new long[] {1, 1, 2}, s.machine.dataStack());
    }

    @Test
    void doesOnAWordAlreadyRun_changesItsBehaviour() {
        s.machine.evaluate("create w 42 , w @ : w! does> @ 1+ ; ' w >body drop");
        s.machine.evaluate("' w last ! w!  w");
        assertArrayEquals(new long[] {42, 43}, s.machine.dataStack());
    }

    @Test
    void compilingAndStoringNextToHotCode_keepsItCompiled() {
        s.machine.evaluate(": hot 0 1000 0 do i + loop ; hot drop variable v ' hot >body");
        long body = s.machine.dataStack()[0];
        int before = compiled.size();
        s.machine.evaluate("drop hot drop  here 0 , drop  1 v !  : later 2 v +! ; later  v @  hot drop");
        assertFalse(compiled.subList(before, compiled.size()).contains(body), "hot's region was not dropped");
        assertArrayEquals(new long[] {3}, s.machine.dataStack());
    }
}
