package dev.mimic.forth;

import dev.mimic.backend.exec.EngineKind;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CATCH and THROW (Forth-2012 9), and host faults becoming the standard exceptions. */
@Timeout(60)
class ExceptionTest {
    /** Each program, CATCHed, leaves exactly the exception number; nothing escapes to the host. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "1 0 /                              | -10",
        "1 0 mod                            | -10",
        "-1 throw                           | -1",
        "42 throw                           | 42",
        "s\" nosuchword\" evaluate           | -13",
        "s\" if\" evaluate                   | -14",
        "drop drop drop                     | -4",
        "fdrop                              | -45",
        "1 0 0 um/mod                       | -10",
        "-1 -1 1 um/mod                     | -11",
        "-1 @                               | -9",
        "0 execute                          | -9",
        "s\" : r recurse ; r\" evaluate      | -5",
        "s\" : p 1 recurse ; p\" evaluate    | -5",
        "s\" : q begin 1 again ; q\" evaluate | -3",
        "s\" /no/such/file.fs\" included     | -38",
        "s\" ' i execute\" evaluate          | -21",
        "s\" 9 base ! 9\" evaluate          | -13",
    })
    void caught_leavesTheExceptionNumber(String program, int code) {
        Session s = new Session(EngineKind.TIERED);
        s.machine.evaluate(": t " + program + " ; ' t catch");
        assertArrayEquals(new long[] {code}, s.machine.dataStack(), s.errors());
    }

    @ParameterizedTest
    @EnumSource(value = EngineKind.class, names = {"INTERP", "JIT"})
    void nestedCatch_restoresTheStacksOfItsFrame(EngineKind engine) {
        Session s = new Session(engine);
        s.machine.evaluate(": inner 1 2 3 -7 throw ; : outer 10 20 ['] inner catch 30 ; 5 ' outer catch");
        assertArrayEquals(new long[] {5, 10, 20, -7, 30, 0}, s.machine.dataStack());
    }

    @ParameterizedTest
    @EnumSource(value = EngineKind.class, names = {"INTERP", "JIT"})
    void throw_restoresTheFloatStackAndInputSource(EngineKind engine) {
        Session s = new Session(engine);
        s.machine.evaluate("1e 2e : t 3e 4e s\" 5e 1 throw\" evaluate ; ' t catch fdepth");
        assertArrayEquals(new long[] {1, 2}, s.machine.dataStack());
        assertEquals("ok ", s.run(".\" ok \""));
    }

    @ParameterizedTest
    @EnumSource(value = EngineKind.class, names = {"INTERP", "JIT"})
    void uncaught_isReportedLikeGforth_andTheMachineGoesOn(EngineKind engine) {
        Session s = new Session(engine);
        assertEquals(Outcome.failed(-13), s.machine.evaluate("1 2 frob 3"));
        assertEquals("*evaluated string*:-1: Undefined word\n1 2 >>>frob<<< 3\n", s.errors());
        assertEquals(0, s.machine.dataStack().length);
        assertEquals("3 ", s.run("1 2 + ."));
    }

    @ParameterizedTest
    @EnumSource(value = EngineKind.class, names = {"INTERP", "JIT"})
    void abortQuote_reportsItsMessage(EngineKind engine) {
        Session s = new Session(engine);
        assertEquals(Outcome.failed(-2), s.machine.evaluate(": x abort\" it broke\" ; 0 x 1 x"));
        assertTrue(s.errors().contains(": it broke\n"));
        s.machine.evaluate(": y abort\" no\" ; ' y catch");
        s.machine.evaluate("0 y");
        assertEquals("", s.errors());
    }
}
