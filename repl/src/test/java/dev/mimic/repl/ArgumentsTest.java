package dev.mimic.repl;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArgumentsTest {
    @Test
    void aWholeExpressionHasNoCount() {
        assertEquals(new Arguments.Counted("pc + 4", Optional.empty()), Arguments.counted("pc + 4"));
        assertEquals(new Arguments.Counted("main", Optional.empty()), Arguments.counted("main"));
    }

    @Test
    void aTrailingNumberAfterAnExpressionIsTheCount() {
        assertEquals(new Arguments.Counted("main", Optional.of(5)), Arguments.counted("main 5"));
        assertEquals(new Arguments.Counted("sp - 8", Optional.of(2)), Arguments.counted("sp - 8 2"));
    }

    @Test
    void neitherShapeIsTheExpressionError() {
        CommandException e = assertThrows(CommandException.class, () -> Arguments.counted("main oops"));
        assertEquals("bad expression 'main oops' at column 6: unexpected 'o'", e.getMessage());
    }

    @Test
    void countsArePositive() {
        assertEquals(1, Arguments.count("", 1));
        assertEquals(12, Arguments.count(" 12 ", 1));
        assertThrows(CommandException.class, () -> Arguments.count("0", 1));
        assertThrows(CommandException.class, () -> Arguments.count("-3", 1));
        assertThrows(CommandException.class, () -> Arguments.count("99999999999", 1));
    }

    @Test
    void conditionsFollowTheWordIf() {
        assertEquals(new Arguments.Conditional("main+4", Optional.of("r0 > 2")), Arguments.conditional("main+4 if r0 > 2"));
        assertEquals(new Arguments.Conditional("diff", Optional.empty()), Arguments.conditional("diff"));
        assertEquals(new Arguments.Conditional("", Optional.of("r0")), Arguments.conditional("if r0"));
        assertThrows(CommandException.class, () -> Arguments.conditional("main if "));
    }
}
