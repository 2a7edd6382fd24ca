package dev.mimic.repl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InvocationTest {
    @Test
    void splitsNameModifierAndArguments() {
        assertEquals(Optional.of(new Invocation("x", "4xw", "sp - 8")), Invocation.parse("  x/4xw   sp - 8 "));
        assertEquals(Optional.of(new Invocation("x", "s", "")), Invocation.parse("x/s"));
        assertEquals(Optional.of(new Invocation("break", "", "main if r0 > 2")), Invocation.parse("break main if r0 > 2"));
        assertEquals(Optional.of(new Invocation("x86-user", "", "")), Invocation.parse("x86-user"));
    }

    @Test
    void blankLinesAreNoCommand() {
        assertEquals(Optional.empty(), Invocation.parse("   "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!", "42", "/x", "step;", "x:4"})
    void linesThatAreNoCommandAreRefusedInOneLine(String line) {
        CommandException e = assertThrows(CommandException.class, () -> Invocation.parse(line));
        assertEquals("malformed command '" + line + "' (try 'help')", e.getMessage());
    }

    @Test
    void wordsSplitAtWhiteSpace() {
        assertEquals(List.of("1", "2", "3"), Invocation.parse("delete 1  2\t3").orElseThrow().words());
        assertTrue(Invocation.parse("delete").orElseThrow().words().isEmpty());
    }

    @Test
    void commandWordDropsTheModifier() {
        assertEquals("x", Invocation.commandWord("x/4xw"));
        assertEquals("step", Invocation.commandWord("step"));
    }
}
