package dev.mimic.backend.jit;

import dev.mimic.backend.exec.Frame;
import dev.mimic.backend.exec.RegionCode;
import dev.mimic.backend.ir.MemoryAccess;
import dev.mimic.backend.ir.Op;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.backend.memory.FlatMemory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JitControlFlowTest {
    /** A dispatchable loop: r counts down from {@code n}; x accumulates r; one guest instruction per iteration. */
    static Region countdown(int n) {
        RegionBuilder b = new RegionBuilder("countdown", 0x100);
        b.set(Fixture.R, b.i32(n));
        b.set(Fixture.X, b.i64(0));
        int loop = b.newBlock();
        int done = b.newBlock();
        b.jump(loop);
        b.switchTo(loop).resumeAt(0x104);
        b.insn(0x104);
        Temp r = b.get(Fixture.R);
        b.set(Fixture.X, b.add(b.get(Fixture.X), b.convert(r, Type.I64)));
        Temp next = b.sub(r, b.i32(1));
        b.set(Fixture.R, next);
        b.branch(b.binary(Op.LT, b.i32(0), next), loop, done);
        b.switchTo(done);
        b.exit(b.i64(0x200), 1);
        return b.build();
    }

    @Test
    void guestLoopRunsToCompletion() {
        Fixture f = Fixture.agree(countdown(100), x -> { });
        assertEquals(1, f.status);
        assertEquals(5050, f.state.get(Fixture.X));
        assertEquals(100, f.ctx.instructions);
        assertEquals(0x200, f.state.pc());
    }

    @Test
    void backEdgeYieldsWhenInstructionLimitReached() {
        Fixture f = Fixture.agree(countdown(100), x -> x.ctx.instructionLimit = 10);
        assertEquals(10, f.ctx.instructions);
        assertEquals(0x104, f.state.pc(), "resumes at the loop block");
        assertEquals(90, f.state.get(Fixture.R), "slots are written back at the yield");
        assertEquals(RegionCode.YIELDED, f.status);
    }

    @Test
    void interruptRequestedYieldsAtBackEdge() {
        Fixture f = new Fixture();
        f.ctx.interruptRequested = true;
        assertEquals(RegionCode.YIELDED, f.run(countdown(100)));
        assertEquals(1, f.ctx.instructions, "one iteration runs before the first back-edge");
    }

    @Test
    void loopsCountingNoInstructionsStillYield() {
        RegionBuilder b = new RegionBuilder("spin", 0x100);
        int loop = b.newBlock();
        b.jump(loop);
        b.switchTo(loop).resumeAt(0x104);
        b.set(Fixture.X, b.add(b.get(Fixture.X), b.i64(1)));
        b.jump(loop);
        Region r = b.build();
        Fixture interrupted = Fixture.agree(r, x -> x.ctx.interruptRequested = true);
        assertEquals(RegionCode.YIELDED, interrupted.status);
        assertEquals(1, interrupted.state.get(Fixture.X));
        Fixture limited = Fixture.agree(r, x -> x.ctx.instructionLimit = 0);
        assertEquals(RegionCode.YIELDED, limited.status);
        assertEquals(0x104, limited.state.pc());
    }

    @Test
    void exitSetsPcAndReturnsExitNumber() {
        RegionBuilder b = new RegionBuilder("exit", 0x100);
        b.exit(b.i32(-4), 7);
        Fixture f = new Fixture();
        assertEquals(7, f.run(b.build()));
        assertEquals(-4, f.state.pc(), "an I32 pc is sign-extended into the pc slot");
    }

    @Test
    void stopSetsPcAndStopCode() {
        RegionBuilder b = new RegionBuilder("stop", 0x100);
        b.stop(b.i64(0x300), 99);
        Fixture f = Fixture.agree(b.build(), x -> { });
        assertEquals(99, f.ctx.stopCode);
        assertEquals(0x300, f.state.pc());
    }

    @Test
    void calledRegionsDoNotYield() {
        RegionBuilder b = new RegionBuilder("sum", 0x100).returns(Type.I64);
        Temp n = b.param(Type.I32);
        Temp acc = b.temp(Type.I64);
        b.assign(acc, b.i64(0));
        int loop = b.newBlock();
        int done = b.newBlock();
        b.jump(loop);
        b.switchTo(loop);
        b.insn(0x104);
        b.assign(acc, b.add(acc, b.convert(n, Type.I64)));
        b.assign(n, b.sub(n, b.i32(1)));
        b.branch(b.binary(Op.LT, b.i32(0), n), loop, done);
        b.switchTo(done);
        b.ret(acc);
        Region r = b.build();
        Fixture f = new Fixture();
        f.ctx.instructionLimit = 0;
        Frame frame = new Frame(r.tempCount());
        frame.values[0] = 10;
        assertEquals(RegionCode.RETURNED, Fixture.JIT.compile(r).run(f.ctx, frame));
        assertEquals(55, frame.result);
        assertEquals(10, f.ctx.instructions);
    }

    @Test
    void temporariesReadBeforeWrittenAreZero() {
        RegionBuilder b = new RegionBuilder("unset", 0x100);
        Temp cond = b.get(Fixture.R);
        Temp late = b.temp(Type.I64);
        Temp lateDouble = b.temp(Type.F64);
        int set = b.newBlock();
        int use = b.newBlock();
        b.branch(cond, set, use);
        b.switchTo(set);
        b.assign(late, b.i64(5));
        b.assign(lateDouble, b.f64(2.5));
        b.jump(use);
        b.switchTo(use);
        b.set(Fixture.X, late);
        b.set(Fixture.F, lateDouble);
        b.exit(b.i64(0), 0);
        Fixture f = Fixture.agree(b.build(), x -> x.state.set(Fixture.X, 77));
        assertEquals(0, f.state.get(Fixture.X));
    }

    @Test
    void memoryLoadsAndStoresAreLittleEndianWithWidthAndSign() {
        RegionBuilder b = new RegionBuilder("memory", 0x100);
        b.store(MemoryAccess.W64, b.i64(8), b.i64(0x8899_AABB_CCDD_EEFFL));
        b.set(Fixture.R, b.load(MemoryAccess.S16, Type.I32, b.i32(8)));
        b.set(Fixture.X, b.load(MemoryAccess.U32, Type.I64, b.i64(12)));
        b.exit(b.i64(0), 0);
        Fixture f = Fixture.agree(b.build(), x -> { });
        assertEquals((short) 0xEEFF, f.state.get(Fixture.R));
        assertEquals(0x8899_AABBL, f.state.get(Fixture.X));
    }

    @Test
    void nanPayloadsSurviveConstantsAndSlots() {
        long bits = 0x7FF0_0000_0000_0123L;
        RegionBuilder b = new RegionBuilder("nan", 0x100);
        b.set(Fixture.F, b.constant(Type.F64, bits));
        b.store(MemoryAccess.W64, b.i64(0), b.get(Fixture.F));
        b.exit(b.i64(0), 0);
        Fixture f = Fixture.agree(b.build(), x -> { });
        assertEquals(bits, f.state.get(Fixture.F));
        assertEquals(bits, f.memory.load64(0));
    }

    @Test
    void memorySwappedBetweenRunsIsUsed() {
        RegionBuilder b = new RegionBuilder("swap", 0x100);
        b.set(Fixture.R, b.load(MemoryAccess.U8, Type.I32, b.i64(0)));
        b.exit(b.i64(0), 0);
        Region r = b.build();
        RegionCode code = Fixture.JIT.compile(r);
        Fixture f = new Fixture();
        f.memory.store8(0, 1);
        code.run(f.ctx, new Frame(r.tempCount()));
        FlatMemory other = new FlatMemory(16);
        other.store8(0, 2);
        f.ctx.memory = other;
        code.run(f.ctx, new Frame(r.tempCount()));
        assertEquals(2, f.state.get(Fixture.R));
        assertTrue(code.compiled());
    }
}
