package dev.mimic.backend.debug;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.exec.StopEvent;
import dev.mimic.backend.exec.TinyMachine;
import dev.mimic.backend.machine.MachineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static dev.mimic.backend.exec.TinyMachine.*;
import static org.junit.jupiter.api.Assertions.*;

class SnapshotTest {
    @TempDir
    Path dir;

    private static TinyMachine program() {
        return new TinyMachine(EngineKind.INTERP).load(
                insn(LI, 1, 3), insn(ADDI, 2, 5), insn(ADDI, 1, -1), insn(BNZ, 1, 4), insn(ST, 2, 0x200), insn(LD, 0, 0x200), insn(HALT, 0, 0));
    }

    @Test
    void restoredMachineContinuesExactlyWhereTheSavedOneWas() {
        TinyMachine a = program();
        for (int i = 0; i < 4; i++) {
            a.engine().step();
        }
        Path file = dir.resolve("a.snap");
        Snapshot.save(a, file);
        StopEvent end = a.engine().run(Long.MAX_VALUE);

        TinyMachine b = new TinyMachine(EngineKind.INTERP);
        Snapshot.restore(b, file);
        assertEquals(4, b.register("pc"));
        assertEquals(2, b.register("r1"));
        StopEvent again = b.engine().run(Long.MAX_VALUE);
        assertEquals(end.exitCode(), again.exitCode());
        assertEquals(15, again.exitCode());
    }

    @Test
    void corruptSnapshotsAreRefusedWithOneLineAndLeaveTheMachineAlone() throws IOException {
        TinyMachine a = program();
        Path good = dir.resolve("good.snap");
        Snapshot.save(a, good);
        byte[] bytes = Files.readAllBytes(good);

        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 1;
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 100);
        byte[] garbage = "hello, not a snapshot".getBytes();
        String[][] cases = {
                {"flipped", "checksum mismatch (file is corrupt)"},
                {"truncated", "does not fit the file (truncated?)"},
                {"garbage", "not a Mimic snapshot (bad magic)"},
                {"empty", "not a Mimic snapshot (bad magic)"}};
        byte[][] contents = {flipped, truncated, garbage, new byte[0]};
        TinyMachine b = program();
        b.setRegister("r3", 42);
        for (int i = 0; i < cases.length; i++) {
            Path f = dir.resolve(cases[i][0] + ".snap");
            Files.write(f, contents[i]);
            MachineException e = assertThrows(MachineException.class, () -> Snapshot.restore(b, f));
            assertTrue(e.getMessage().startsWith(f + ": offset "), e.getMessage());
            assertTrue(e.getMessage().endsWith(cases[i][1]), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            assertEquals(42, b.register("r3"));
        }
    }

    @Test
    void missingFileIsOneLine() {
        MachineException e = assertThrows(MachineException.class, () -> Snapshot.restore(program(), dir.resolve("nope.snap")));
        assertTrue(e.getMessage().endsWith("nope.snap: no such snapshot file"), e.getMessage());
    }
}
