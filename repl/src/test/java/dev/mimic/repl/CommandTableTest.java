package dev.mimic.repl;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CommandTableTest {
    private final CommandTable table = CommandTable.standard();

    @Test
    void findsNamesAliasesAndUniquePrefixes() {
        assertEquals("continue", table.find("continue").name());
        assertEquals("continue", table.find("c").name());
        assertEquals("continue", table.find("cont").name());
        assertEquals("bt", table.find("where").name());
        assertEquals("disasm", table.find("dis").name());
    }

    @Test
    void anAliasWinsOverPrefixes() {
        assertEquals("delete", table.find("d").name());
    }

    @Test
    void ambiguousPrefixesNameTheCandidates() {
        CommandException e = assertThrows(CommandException.class, () -> table.find("re"));
        assertEquals("ambiguous command 're': reset, regs, restore", e.getMessage());
    }

    @Test
    void unknownCommandsPointToHelp() {
        CommandException e = assertThrows(CommandException.class, () -> table.find("frobnicate"));
        assertEquals("unknown command 'frobnicate' (try 'help')", e.getMessage());
    }

    @Test
    void everyCommandTheIssueAsksForIsThere() {
        for (String name : new String[] {"step", "next", "finish", "continue", "break", "watch", "delete", "info", "regs",
                "x", "disasm", "bt", "trace", "save", "restore", "engine", "help", "quit"}) {
            assertEquals(name, table.find(name).name());
        }
    }
}
