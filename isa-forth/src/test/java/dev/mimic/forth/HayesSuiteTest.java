package dev.mimic.forth;

import dev.mimic.backend.exec.EngineKind;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * John Hayes' Forth test suite as Debian's gforth-common ships it: each file, after tester.fs,
 * runs without a single INCORRECT RESULT or WRONG NUMBER OF RESULTS line, interpreted and compiled.
 */
@Timeout(60)
class HayesSuiteTest {
    static final Path TESTS = Path.of("/usr/share/gforth/0.7.3/test");

    static Stream<Arguments> suites() {
        return Stream.of("coretest.fs", "coreext.fs", "dbltest.fs", "string.fs", "search.fs", "float.fs")
                .flatMap(f -> Stream.of(EngineKind.INTERP, EngineKind.JIT).map(e -> Arguments.of(f, e)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("suites")
    void suite_reportsNoWrongResults(String file, EngineKind engine) {
        run(engine, file);
    }

    /** gforth's own additions to the suite: POSTPONE of every kind of word, and more Core tests. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"coretest.fs postpone.fs", "coremore.fs"})
    void gforthAdditions_reportNoWrongResults(String files) {
        run(EngineKind.TIERED, files.split(" "));
    }

    private static void run(EngineKind engine, String... files) {
        for (String file : files) {
            assumeTrue(Files.isRegularFile(TESTS.resolve(file)) && Files.isRegularFile(TESTS.resolve("tester.fs")),
                    "gforth's test files are not installed in " + TESTS + " (Debian package gforth-common)");
        }
        Session s = new Session(engine);
        assertEquals(Outcome.completed(), s.machine.include(TESTS.resolve("tester.fs")), s.errors());
        Outcome outcome = Outcome.completed();
        for (String file : files) {
            outcome = s.machine.include(TESTS.resolve(file));
            if (outcome.kind() != Outcome.Kind.COMPLETED) {
                break;
            }
        }
        String out = s.output();
        String err = s.errors();
        assertEquals(Outcome.completed(), outcome, err);
        List<String> wrong = out.lines().filter(l -> l.contains("INCORRECT RESULT") || l.contains("WRONG NUMBER OF RESULTS")).toList();
        assertEquals(List.of(), wrong);
        assertFalse(err.lines().anyMatch(l -> !l.isBlank() && !l.startsWith("redefined ")), err);
    }
}
