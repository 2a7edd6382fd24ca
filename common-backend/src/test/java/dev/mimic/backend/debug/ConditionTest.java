package dev.mimic.backend.debug;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ConditionTest {
    private static final Map<String, Long> NAMES = Map.of("sp", 0x100L, "value", 7L, "main", 0x40L);

    private static long eval(String text) {
        return Condition.parse(text).value(name -> {
            Long v = NAMES.get(name);
            if (v == null) {
                throw new IllegalArgumentException("unknown name '" + name + "'");
            }
            return v;
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "1 + 2 * 3; 7", "(1 + 2) * 3; 9", "0x10 - 1; 15", "-3 + 1; -2", "sp > 0xff; 1", "sp >= 0x101; 0",
            "value == 7 && sp != 0; 1", "value == 8 || sp < 1; 0", "!value; 0", "main + 4; 68", "12 & 10 | 1; 9",
            "7 % 4; 3", "value <= 7; 1"})
    void evaluatesLikeC(String text, long expected) {
        assertEquals(expected, eval(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "1 +; bad expression '1 +' at column 4: missing operand",
            "(1; bad expression '(1' at column 3: missing ')'",
            "0xZZ; bad expression '0xZZ' at column 1: bad number '0xZZ'",
            "1 ) ; bad expression '1 )' at column 3: unexpected ')'"})
    void syntaxErrorsNameTheColumn(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Condition.parse(text));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"nosuch == 1; unknown name 'nosuch'", "1 / (sp - 0x100); division by zero in '1 / (sp - 0x100)'"})
    void evaluationErrorsAreOneLine(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> eval(text));
        assertEquals(message, e.getMessage());
    }
}
