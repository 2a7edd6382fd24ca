package dev.mimic.cil.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mimic.backend.exec.GuestThrow;
import dev.mimic.backend.jit.Jit;
import dev.mimic.cil.assembly.Assembly;
import dev.mimic.cil.assembly.AssemblyResolver;
import dev.mimic.cil.assembly.CSharp;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Unmanaged memory: what fixed pins it unpins, stackalloc blocks go with their method, stray pointers fault. */
class NativeMemoryTest {

    @ParameterizedTest
    @ValueSource(strings = {"interp", "jit"})
    void fixedAndStackalloc_leaveNothingBehind(String engine) throws Exception {
        Assembly a = Assembly.load(CSharp.program("Pinning"));
        AssemblyResolver resolver = AssemblyResolver.forProgram(Path.of(a.file()).toAbsolutePath().getParent());
        CilRuntime runtime = new CilRuntime(a, resolver, engine.equals("jit") ? CilRuntime.Engine.compiled(new Jit()::compile)
                : CilRuntime.Engine.INTERPRETER, java.io.InputStream.nullInputStream(), System.out);
        var run = runtime.method(a.findType("", "Pinning").orElseThrow().method("Run").orElseThrow());
        // 2000 rounds of 999 + r + 3 plus 't' (116): far more stackalloc than the local stack holds at once.
        assertEquals(2000 * (999 + 3 + 116) + 1999 * 2000 / 2, runtime.invoke(run, 2000));
        assertEquals(0, runtime.memory().pinCount());
        assertEquals(0, runtime.memory().localMark());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 8, 0x7f00_0000_0000L, -1})
    void anAddressNothingIsMappedAt_raisesNullReference(long address) throws Exception {
        Assembly a = Assembly.load(CSharp.program("Pinning"));
        AssemblyResolver resolver = AssemblyResolver.forProgram(Path.of(a.file()).toAbsolutePath().getParent());
        CilRuntime runtime = new CilRuntime(a, resolver, CilRuntime.Engine.INTERPRETER, java.io.InputStream.nullInputStream(),
                System.out);
        NativeMemory memory = runtime.memory();
        assertThrows(GuestThrow.class, () -> memory.load(address, 4));
        long block = memory.allocateGlobal(8);
        memory.store(block, 8, 0x0102030405060708L);
        assertEquals(0x0506, memory.load(block + 2, 2));
        assertThrows(GuestThrow.class, () -> memory.load(block + 6, 4));
        memory.freeGlobal(block);
        assertThrows(GuestThrow.class, () -> memory.load(block, 1));
    }
}
