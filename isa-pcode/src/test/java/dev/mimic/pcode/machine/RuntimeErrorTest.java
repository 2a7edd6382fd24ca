package dev.mimic.pcode.machine;

import dev.mimic.pcode.Runs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each program under {@code errors/} fails at Pascal line 7 (the recursion at line 3): the run
 * ends with exit status 1 and one line naming the source position and the error, on every engine.
 */
class RuntimeErrorTest {
    static Stream<Arguments> errors() {
        return Stream.of(
                error("divzero", 7, "division by zero"),
                error("range", 7, "value out of range"),
                error("nil", 7, "dereference of nil pointer"),
                error("uninit", 7, "uninitialized pointer"),
                error("case", 7, "case selector matches no case label"),
                error("notopen", 7, "file is not open"),
                error("readmode", 7, "file not in read mode"),
                error("overflow", 7, "arithmetic overflow"),
                error("mod", 7, "divisor of mod is not positive"),
                error("setrange", 7, "set element out of range"),
                error("freetwice", 7, "block already freed"),
                error("inclusion", 7, "strict set inclusion is not allowed"),
                error("inclusion2", 7, "strict set inclusion is not allowed"),
                error("eof", 7, "read past end of file"),
                error("badint", 7, "invalid integer format"),
                error("variant", 7, "variant not active"),
                error("ln", 7, "cannot find ln of a number <= 0"),
                error("trunc", 7, "real argument too large to convert to integer"),
                error("width", 7, "field width cannot be less than 1"),
                error("unbound", 7, "prr is not bound to a file (name one on the command line)"),
                error("balance", 8, "stack balance error at procedure return"),
                error("varvariant", 7, "change to a variant referenced by a VAR parameter"),
                error("recursion", 3, "store overflow: stack and heap collide"))
                .flatMap(a -> Runs.engines().stream().map(e -> Arguments.of(a.get()[0], a.get()[1], e)));
    }

    private static Arguments error(String name, int line, String message) {
        return Arguments.of(name, name + ".pas:" + line + ": runtime error: " + message);
    }

    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("errors")
    void runtimeErrorNamesTheSourceLineAndEndsWithStatus1(String name, String message, Runs.Engine engine) {
        String input = Runs.text("errors/" + name + ".in");
        Runs.Result r = Runs.run(Runs.resource("errors/" + name + ".p5"), engine, input == null ? "" : input);
        assertEquals(message + System.lineSeparator(), r.stderr());
        assertEquals(1, r.exit());
    }
}
