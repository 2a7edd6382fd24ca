package dev.mimic.backend.jit;

import dev.mimic.backend.exec.RegionCompiler;
import dev.mimic.backend.ir.MemoryAccess;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JitLimitsTest {
    /** A straight-line region of {@code n} guest instructions, each a load, an add and a store. */
    private static Region straightLine(int n) {
        RegionBuilder b = new RegionBuilder("long", 0x100);
        Temp acc = b.get(Fixture.X);
        for (int i = 0; i < n; i++) {
            b.insn(0x100 + 4L * i);
            acc = b.add(acc, b.load(MemoryAccess.U32, Type.I64, b.i64(8L * i)));
            b.store(MemoryAccess.W64, b.i64(8L * i), acc);
        }
        b.set(Fixture.X, acc);
        b.exit(b.i64(0), 0);
        return b.build();
    }

    @Test
    void regionTooLargeIsRefused() {
        RegionCompiler compiler = Fixture.JIT;
        RegionTooLargeException e = assertThrows(RegionTooLargeException.class, () -> compiler.compile(straightLine(400)));
        assertTrue(e.codeBytes() > Jit.MAX_CODE_BYTES);
        assertTrue(e.getMessage().contains("long"), e.getMessage());
    }

    @Test
    void regionJustUnderTheLimitCompilesAndVerifies() {
        Region r = straightLine(100);
        StringWriter errors = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(Fixture.JIT.generate(r)), getClass().getClassLoader(), false, new PrintWriter(errors));
        assertEquals("", errors.toString());
        Fixture.agree(r, f -> { });
    }

    @Test
    void regionWithTooManyParametersIsRefused() {
        RegionBuilder b = new RegionBuilder("wide", 0x100).returns(Type.I64);
        Temp first = null;
        for (int i = 0; i < 128; i++) {
            Temp p = b.param(Type.I64);
            first = first == null ? p : first;
        }
        b.ret(first);
        RegionTooLargeException e = assertThrows(RegionTooLargeException.class, () -> Fixture.JIT.compile(b.build()));
        assertEquals(-1, e.codeBytes());
    }
}
