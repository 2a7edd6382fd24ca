package dev.mimic.x86.user;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.exec.StopEvent;
import dev.mimic.backend.interp.InterpretedCode;
import dev.mimic.backend.machine.MachineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The user-mode machine as the debugger sees it: registers, disassembly, stepping, snapshots. */
class UserMachineTest {
    @TempDir
    Path dir;

    private UserMachine load() throws IOException {
        Path program = dir.resolve("hello");
        Files.write(program, TinyElf.HELLO);
        return UserModeRunner.load(new UserModeRunner.Options(EngineKind.INTERP, InterpretedCode::new, 1, Long.MAX_VALUE,
                program, List.of(), List.of(), new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()), false));
    }

    @Test
    void startsAtTheEntryPointAndDisassemblesInIntelSyntax() throws IOException {
        UserMachine m = load();
        assertEquals(TinyElf.BASE + TinyElf.HEADERS, m.register("eip"));
        assertEquals(List.of("mov eax, 0x4", "mov ebx, 0x1", "mov ecx, 0x8048076"),
                m.disassemble(m.register("eip"), 3).stream().map(d -> d.text()).toList());
    }

    @Test
    void stepRunsOneInstruction() throws IOException {
        UserMachine m = load();
        StopEvent e = m.engine().step();
        assertEquals(StopEvent.Kind.STEPPED, e.kind());
        assertEquals(4, m.register("eax"));
        assertEquals(TinyElf.BASE + TinyElf.HEADERS + 5, m.register("eip"));
    }

    @Test
    void snapshotRestoresRegistersAndMemory() throws IOException {
        UserMachine m = load();
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        m.saveState(new DataOutputStream(saved));
        assertEquals(StopEvent.Kind.EXITED, m.engine().run(Long.MAX_VALUE).kind());
        m.writeMemory(TinyElf.BASE + TinyElf.HEADERS, new byte[] {(byte) 0x90});
        m.restoreState(new DataInputStream(new ByteArrayInputStream(saved.toByteArray())));
        assertEquals(TinyElf.BASE + TinyElf.HEADERS, m.register("eip"));
        assertEquals("mov eax, 0x4", m.disassemble(m.register("eip"), 1).get(0).text());
        StopEvent again = m.engine().run(Long.MAX_VALUE);
        assertEquals(StopEvent.Kind.EXITED, again.kind());
        assertEquals(7, again.exitCode());
        assertEquals(0x08048076, again.pc()); // after the second INT 0x80
    }

    @Test
    void unknownRegisterAndUnmappedMemory_areOneLineErrors() throws IOException {
        UserMachine m = load();
        assertEquals("unknown register 'rax' (x86-user has eax, ecx, edx, ebx, esp, ebp, esi, edi, eip, eflags, es, cs, ss, ds, fs, gs)",
                assertThrows(MachineException.class, () -> m.register("rax")).getMessage());
        assertEquals("cannot read 4 bytes at 0x10: not mapped",
                assertThrows(MachineException.class, () -> m.readMemory(0x10, 4)).getMessage());
    }
}
