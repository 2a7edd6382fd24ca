package dev.mimic.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    @Test
    void helpListsEveryMachineAndTool() {
        Mimic r = Mimic.run("--help");
        assertEquals(0, r.status());
        for (String command : new String[] {"x86", "x86-user", "pascal", "pcode", "forth", "ofw", "cil", "debug", "demo", "specs"}) {
            assertTrue(r.out().lines().anyMatch(line -> line.strip().startsWith(command + " ") || line.strip().equals(command)),
                    command + " missing from:\n" + r.out());
        }
        assertEquals("", r.err());
    }

    @Test
    void subcommandNames_areTheNamesTheirAnnotationsGive() {
        Stdio io = new Stdio(java.io.InputStream.nullInputStream(), System.out, System.err);
        for (Main.Subcommand sub : Main.SUBCOMMANDS) {
            Object command = sub.make().apply(io);
            picocli.CommandLine line = command instanceof picocli.CommandLine made ? made : new picocli.CommandLine(command);
            assertEquals(sub.name(), line.getCommandName());
        }
    }

    @Test
    void aNamedSubcommand_reportsAsAmongAllOthers() {
        Mimic r = Mimic.run("ofw", "--frobnicate");
        assertEquals(2, r.status());
        assertArrayEquals(new String[] {"mimic ofw: Unknown option: '--frobnicate' (see 'mimic ofw --help')"}, r.errLines());
    }

    @Test
    void versionPrintsTheBuildVersion() {
        Mimic r = Mimic.run("--version");
        assertEquals(0, r.status());
        assertTrue(r.out().matches("mimic \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java .*\\)\\R"), r.out());
    }

    @Test
    void unknownSubcommandIsOneLineAndStatus2() {
        Mimic r = Mimic.run("z80", "game.rom");
        assertEquals(2, r.status());
        assertArrayEquals(new String[] {"mimic: unknown command 'z80' (see 'mimic --help')"}, r.errLines());
        assertEquals("", r.out());
    }

    @Test
    void badFlagIsOneLineAndStatus2() {
        Mimic r = Mimic.run("--frobnicate");
        assertEquals(2, r.status());
        assertArrayEquals(new String[] {"mimic: Unknown option: '--frobnicate' (see 'mimic --help')"}, r.errLines());
    }

    @Test
    void badEngineNameIsOneLineAndStatus2() {
        Mimic r = Mimic.run("forth", "--engine=warp");
        assertEquals(2, r.status());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("mimic forth: Invalid value for option '--engine': unknown engine 'warp'"), r.err());
    }

    @Test
    void nonPositiveStepBudgetIsAUsageError() {
        Mimic r = Mimic.run("forth", "--max-steps", "0");
        assertEquals(2, r.status());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("'0' must be 1 or more"), r.err());
    }

    @Test
    void bareCommandPrintsUsageWithStatus2() {
        Mimic r = Mimic.run();
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("Usage: mimic"), r.err());
    }

    @Test
    void machineHelpDocumentsEngineOptions() {
        Mimic r = Mimic.run("x86", "--help");
        assertEquals(0, r.status());
        for (String option : new String[] {"--engine", "--stats", "--max-steps", "--jit-threshold", "-kernel"}) {
            assertTrue(r.out().contains(option), option + " missing from:\n" + r.out());
        }
    }

    @Test
    void debugWithoutMachineIsAUsageError() {
        Mimic r = Mimic.run("debug");
        assertEquals(2, r.status());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("mimic debug: Missing machine: one of x86, x86-user,"), r.err());
    }

    @Test
    void specsCoverageOfUnknownMachineIsOneLine() {
        Mimic r = Mimic.run("specs", "coverage", "z80");
        assertEquals(2, r.status());
        assertArrayEquals(new String[] {"mimic specs coverage: unknown machine 'z80' (one of pcode, pascal, x86, x86-user, forth, ofw, cil)"},
                r.errLines());
    }
}
