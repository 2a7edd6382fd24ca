package dev.mimic.repl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompletionTest {
    private final ToyMachine machine = ToyMachine.of("""
            main:  call sum
                   halt
            sum:   ret
            .loop: ret
            """);
    private final CommandTable table = CommandTable.standard();

    private Completion complete(String... words) {
        return Completion.of(table, machine, List.of(words), words.length - 1);
    }

    @Test
    void theFirstWordIsACommand() {
        List<String> words = complete("").words();
        assertTrue(words.containsAll(List.of("step", "next", "break", "x", "disasm", "quit")), words.toString());
        assertEquals(table.commands().size(), words.size());
    }

    @Test
    void locationsCompleteToRegistersAndSymbols() {
        assertEquals(List.of("pc", "sp", "r0", "r1", "r2", "r3", "main", "sum"), complete("break", "").words());
        assertEquals(complete("break", "").words(), complete("x/4xw", "").words());
        assertEquals(complete("break", "").words(), complete("b", "s").words());
    }

    @Test
    void eachCommandOffersItsOwnWords() {
        assertEquals(List.of("pc", "sp", "r0", "r1", "r2", "r3"), complete("regs", "pc", "").words());
        assertEquals(List.of("interp", "jit", "tiered"), complete("engine", "").words());
        assertEquals(List.of("breaks"), complete("info", "").words());
        assertEquals(List.of("on", "off"), complete("trace", "").words());
        assertEquals(complete("").words(), complete("help", "").words());
    }

    @Test
    void fileArgumentsAskForFileNames() {
        assertTrue(complete("save", "").files());
        assertTrue(complete("trace", "on", "").files());
        assertEquals(new Completion(List.of(), false), complete("trace", "off", ""));
        assertEquals(new Completion(List.of(), false), complete("step", ""));
        assertEquals(new Completion(List.of(), false), complete("frobnicate", ""));
    }
}
