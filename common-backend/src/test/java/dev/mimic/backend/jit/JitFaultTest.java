package dev.mimic.backend.jit;

import dev.mimic.backend.exec.CallTarget;
import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.ir.MemoryAccess;
import dev.mimic.backend.ir.Op;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JitFaultTest {
    private static GuestFault fault(Region r) {
        Fixture f = new Fixture();
        Fixture.agree(r, x -> { });
        return assertThrows(GuestFault.class, () -> f.run(r));
    }

    @Test
    void memoryFaultIsPreciseAndUncounted() {
        RegionBuilder b = new RegionBuilder("fault", 0x100);
        b.insn(0x100);
        b.set(Fixture.R, b.i32(1));
        b.insn(0x104);
        b.load(MemoryAccess.U32, Type.I32, b.i64(4094));
        b.exit(b.i64(0), 0);
        Region r = b.build();
        Fixture f = Fixture.agree(r, x -> { });
        GuestFault fault = assertThrows(GuestFault.class, () -> new Fixture().run(r));
        assertEquals(GuestFault.Kind.MEMORY, fault.kind());
        assertEquals(0x104, fault.pc());
        assertEquals(4094, fault.address());
        assertEquals(1, f.ctx.instructions, "the faulting instruction is not counted");
        assertEquals(1, f.state.get(Fixture.R), "slots set before the fault are written back");
    }

    @Test
    void faultBeforeFirstInstructionUsesEntryPc() {
        RegionBuilder b = new RegionBuilder("early", 0x180);
        b.load(MemoryAccess.U8, Type.I32, b.i64(-1));
        b.exit(b.i64(0), 0);
        assertEquals(0x180, fault(b.build()).pc());
    }

    @Test
    void divisionByZeroFaults() {
        RegionBuilder b = new RegionBuilder("div", 0x100);
        b.insn(0x108);
        b.binary(Op.REMU, b.i64(5), b.i64(0));
        b.exit(b.i64(0), 0);
        GuestFault f = fault(b.build());
        assertEquals(GuestFault.Kind.DIVIDE_BY_ZERO, f.kind());
        assertEquals(0x108, f.pc());
    }

    @Test
    void minValueDividedByMinusOneWraps() {
        RegionBuilder b = new RegionBuilder("wrap", 0x100);
        b.set(Fixture.R, b.binary(Op.DIV, b.i32(Integer.MIN_VALUE), b.i32(-1)));
        b.set(Fixture.X, b.binary(Op.REM, b.i64(Long.MIN_VALUE), b.i64(-1)));
        b.exit(b.i64(0), 0);
        Fixture f = Fixture.agree(b.build(), x -> { });
        assertEquals(Integer.MIN_VALUE, f.state.get(Fixture.R));
        assertEquals(0, f.state.get(Fixture.X));
    }

    @Test
    void helperStateWritesSurviveItsFault() {
        RegionBuilder b = new RegionBuilder("helper", 0x100);
        b.insn(0x100);
        b.set(Fixture.X, b.i64(1));
        b.helper(FixtureHelpers.WRITE_X_THEN_FAULT);
        b.exit(b.i64(0), 0);
        Region r = b.build();
        Fixture f = Fixture.agree(r, x -> { });
        assertEquals(42, f.state.get(Fixture.X), "the helper's write is not overwritten by the region's cached value");
        assertEquals(0x100, fault(r).pc());
    }

    @Test
    void helperSeesCurrentInstructionCount() {
        RegionBuilder b = new RegionBuilder("count", 0x100);
        b.insn(0x100);
        b.insn(0x104);
        b.set(Fixture.X, b.helper(FixtureHelpers.COUNT));
        b.exit(b.i64(0), 0);
        Fixture f = Fixture.agree(b.build(), x -> { });
        assertEquals(2, f.state.get(Fixture.X));
    }

    @Test
    void faultInCalleeKeepsCalleePc() {
        RegionBuilder cb = new RegionBuilder("callee", 0x500).returns(Type.I32);
        Temp address = cb.param(Type.I64);
        cb.insn(0x500);
        cb.insn(0x504);
        cb.ret(cb.load(MemoryAccess.U8, Type.I32, address));
        CallTarget callee = new CallTarget("callee");
        Region calleeRegion = cb.build();
        RegionBuilder b = new RegionBuilder("caller", 0x100);
        b.insn(0x100);
        b.set(Fixture.R, b.call(callee, Type.I32, b.i64(1 << 20)));
        b.exit(b.i64(0), 0);
        Region caller = b.build();
        for (var engine : List.of(Fixture.INTERPRETER, Fixture.COMPILER)) {
            callee.link(calleeRegion, engine.apply(calleeRegion));
            Fixture f = new Fixture();
            GuestFault fault = assertThrows(GuestFault.class, () -> f.run(caller));
            assertEquals(0x504, fault.pc());
            assertEquals(2, f.ctx.instructions, "the caller's instruction and the callee's first");
        }
    }
}
