package dev.mimic.forth.firmware;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Package instances (IEEE 1275 5.3.4.2): instance values and variables belong to each open instance. */
class InstanceTest {
    @TempDir
    Path dir;

    @Test
    void eachOpenInstanceHasItsOwnInstanceData() throws Exception {
        Path rom = FCodeEvaluatorTest.toke(FCodeEvaluatorTest.SOURCES.resolve("counter.fth"), dir);
        String console = RealFCodeTest.boot("""
                " /counter" open-dev value a
                " /counter" open-dev value b
                " bump" a $call-method . " bump" a $call-method . " bump" b $call-method . cr
                " faster" a $call-method " bump" a $call-method . " bump" b $call-method . cr
                a close-dev " /counter" open-dev value c " bump" c $call-method . cr
                " bump" 0 $call-method
                """, rom);
        assertTrue(console.contains("\n5 10 5 \n"), console);
        assertTrue(console.contains("\n20 10 \n"), console);
        assertTrue(console.contains("\n5 \n"), console);
        assertTrue(console.contains("method not found"), console);
    }
}
