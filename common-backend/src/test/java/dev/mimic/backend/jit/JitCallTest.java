package dev.mimic.backend.jit;

import dev.mimic.backend.exec.CallTarget;
import dev.mimic.backend.exec.Frame;
import dev.mimic.backend.exec.GuestThrow;
import dev.mimic.backend.exec.RegionCode;
import dev.mimic.backend.interp.InterpretedCode;
import dev.mimic.backend.ir.Op;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JitCallTest {
    /** fact(n) = n <= 1 ? 1 : n * fact(n - 1), one guest instruction per activation. */
    static Region factorial(CallTarget self) {
        RegionBuilder b = new RegionBuilder("fact", 0x500).returns(Type.I64);
        Temp n = b.param(Type.I64);
        b.insn(0x500);
        int base = b.newBlock();
        int recurse = b.newBlock();
        b.branch(b.binary(Op.LE, n, b.i64(1)), base, recurse);
        b.switchTo(base);
        b.ret(b.i64(1));
        b.switchTo(recurse);
        b.ret(b.mul(n, b.call(self, Type.I64, b.sub(n, b.i64(1)))));
        return b.build();
    }

    /** A dispatchable region storing {@code target(arg)} in slot x. */
    static Region caller(CallTarget target, long arg) {
        RegionBuilder b = new RegionBuilder("caller", 0x100);
        b.insn(0x100);
        b.set(Fixture.X, b.call(target, Type.I64, b.i64(arg)));
        b.exit(b.i64(0x104), 0);
        return b.build();
    }

    @Test
    void recursiveCallComputesFactorial() {
        CallTarget fact = new CallTarget("fact");
        Region r = factorial(fact);
        fact.link(r, Fixture.JIT.compile(r));
        Fixture f = new Fixture();
        assertEquals(0, f.run(caller(fact, 20)));
        assertEquals(2432902008176640000L, f.state.get(Fixture.X));
        assertEquals(21, f.ctx.instructions);
    }

    @Test
    void compiledCalleesHaveTypedEntriesAndDispatchableRegionsDoNot() {
        CallTarget fact = new CallTarget("fact");
        CompiledRegion callee = (CompiledRegion) Fixture.JIT.compile(factorial(fact));
        assertNotNull(callee.entry());
        assertEquals(long.class, callee.entry().type().returnType());
        assertNull(((CompiledRegion) Fixture.JIT.compile(caller(fact, 1))).entry());
    }

    @Test
    void voidCalleeWithoutParametersIsACalledRegionOnBothEngines() {
        RegionBuilder b = new RegionBuilder("init", 0x600).called();
        b.insn(0x600);
        b.set(Fixture.X, b.i64(77));
        b.ret();
        Region init = b.build();
        assertEquals(false, init.dispatchable());
        for (boolean compiled : new boolean[] {false, true}) {
            CallTarget target = new CallTarget("init");
            target.link(init, compiled ? Fixture.JIT.compile(init) : new InterpretedCode(init));
            RegionBuilder c = new RegionBuilder("caller", 0x100);
            c.insn(0x100);
            c.call(target, null);
            c.exit(c.i64(0x104), 0);
            Fixture f = new Fixture();
            assertEquals(0, f.run(c.build()));
            assertEquals(77, f.state.get(Fixture.X));
            assertEquals(2, f.ctx.instructions);
        }
    }

    @Test
    void callToInterpretedCalleeRunsThroughFrame() {
        CallTarget fact = new CallTarget("fact");
        Region r = factorial(fact);
        fact.link(r, new InterpretedCode(r));
        Fixture f = new Fixture();
        f.run(caller(fact, 10));
        assertEquals(3628800, f.state.get(Fixture.X));
    }

    @Test
    void callSiteFollowsRecompiledCallee() {
        CallTarget target = new CallTarget("plus");
        Region plusOne = adder(1);
        target.link(plusOne, Fixture.JIT.compile(plusOne));
        RegionCode caller = Fixture.JIT.compile(caller(target, 10));
        Fixture f = new Fixture();
        caller.run(f.ctx, new Frame(8));
        assertEquals(11, f.state.get(Fixture.X));
        Region plusTwo = adder(2);
        target.link(plusTwo, new InterpretedCode(plusTwo));
        caller.run(f.ctx, new Frame(8));
        assertEquals(12, f.state.get(Fixture.X));
        target.setCode(Fixture.JIT.compile(plusTwo));
        caller.run(f.ctx, new Frame(8));
        assertEquals(12, f.state.get(Fixture.X));
    }

    private static Region adder(long k) {
        RegionBuilder b = new RegionBuilder("plus" + k, 0x600).returns(Type.I64);
        Temp x = b.param(Type.I64);
        b.ret(b.add(x, b.i64(k)));
        return b.build();
    }

    @Test
    void calleeStopEndsEveryCaller() {
        RegionBuilder cb = new RegionBuilder("halt", 0x600).returns(Type.I64);
        Temp x = cb.param(Type.I64);
        cb.insn(0x600);
        cb.stop(x, 5);
        Region halt = cb.build();
        CallTarget target = new CallTarget("halt");
        for (boolean compiledCallee : new boolean[] {false, true}) {
            target.link(halt, compiledCallee ? Fixture.JIT.compile(halt) : new InterpretedCode(halt));
            Fixture f = Fixture.agree(caller(target, 0x777), fixture -> { });
            assertEquals(RegionCode.STOPPED, f.status);
            assertEquals(5, f.ctx.stopCode);
            assertEquals(0x777, f.state.pc());
            assertEquals(0, f.state.get(Fixture.X), "the caller never receives a result");
        }
    }

    /** A yielding called region adding one to X per guest instruction until X reaches 100. */
    private static Region yieldingCounter() {
        RegionBuilder b = new RegionBuilder("count", 0x600).yielding();
        int loop = b.newBlock();
        int done = b.newBlock();
        b.jump(loop);
        b.switchTo(loop).resumeAt(0x604);
        b.insn(0x604);
        Temp x = b.add(b.get(Fixture.X), b.i64(1));
        b.set(Fixture.X, x);
        b.branch(b.binary(Op.LT, x, b.i64(100)), loop, done);
        b.switchTo(done);
        b.ret();
        return b.build();
    }

    /** A dispatchable region calling {@code target} and exiting to 0x104. */
    private static Region voidCaller(CallTarget target) {
        RegionBuilder c = new RegionBuilder("caller", 0x100);
        c.insn(0x100);
        c.call(target, null);
        c.exit(c.i64(0x104), 0);
        return c.build();
    }

    @Test
    void yieldingCalleeLeavesForTheDispatcherAtItsLoopWhenTheBudgetEnds() {
        Region counter = yieldingCounter();
        assertEquals(false, counter.dispatchable());
        assertEquals(true, counter.yields());
        CallTarget target = new CallTarget("count");
        for (boolean compiledCallee : new boolean[] {false, true}) {
            target.link(counter, compiledCallee ? Fixture.JIT.compile(counter) : new InterpretedCode(counter));
            Fixture f = Fixture.agree(voidCaller(target), fixture -> fixture.ctx.instructionLimit = 7);
            assertEquals(RegionCode.YIELDED, f.status);
            assertEquals(0x604, f.state.pc());
            assertEquals(7, f.ctx.instructions);
            assertEquals(6, f.state.get(Fixture.X));
        }
    }

    @Test
    void yieldingCalleeChecksOnEntryAndOtherwiseRunsToItsReturn() {
        Region counter = yieldingCounter();
        CallTarget target = new CallTarget("count");
        for (boolean compiledCallee : new boolean[] {false, true}) {
            target.link(counter, compiledCallee ? Fixture.JIT.compile(counter) : new InterpretedCode(counter));
            Fixture interrupted = Fixture.agree(voidCaller(target), fixture -> fixture.ctx.interruptRequested = true);
            assertEquals(RegionCode.YIELDED, interrupted.status);
            assertEquals(0x600, interrupted.state.pc(), "an entry yield resumes at the callee's entry");
            assertEquals(1, interrupted.ctx.instructions);
            Fixture free = Fixture.agree(voidCaller(target), fixture -> { });
            assertEquals(0, free.status);
            assertEquals(0x104, free.state.pc());
            assertEquals(100, free.state.get(Fixture.X));
            assertEquals(101, free.ctx.instructions);
        }
    }

    @Test
    void calleeStopReachesAnInterpretedCallerThroughCompiledCallee() {
        RegionBuilder cb = new RegionBuilder("halt", 0x600).returns(Type.I64);
        cb.stop(cb.param(Type.I64), 5);
        Region halt = cb.build();
        CallTarget inner = new CallTarget("halt");
        inner.link(halt, new InterpretedCode(halt));
        RegionBuilder mb = new RegionBuilder("middle", 0x700).returns(Type.I64);
        mb.ret(mb.call(inner, Type.I64, mb.param(Type.I64)));
        Region middle = mb.build();
        CallTarget outer = new CallTarget("middle");
        outer.link(middle, Fixture.JIT.compile(middle));
        Fixture f = new Fixture();
        assertEquals(RegionCode.STOPPED, f.run(new InterpretedCode(caller(outer, 9)), caller(outer, 9)));
        assertEquals(9, f.state.pc());
    }

    @Test
    void throwFromCalleeIsCaughtByCallerHandler() {
        RegionBuilder cb = new RegionBuilder("thrower", 0x600).returns(Type.I64);
        cb.param(Type.I64);
        cb.insn(0x600);
        cb.set(Fixture.R, cb.i32(9));
        cb.throwRef(cb.constantRef("boom"));
        Region thrower = cb.build();
        CallTarget target = new CallTarget("thrower");
        target.link(thrower, Fixture.JIT.compile(thrower));
        RegionBuilder b = new RegionBuilder("catcher", 0x100);
        int handler = b.newBlock();
        b.handler(handler);
        b.insn(0x100);
        b.set(Fixture.R, b.i32(1));
        b.set(Fixture.X, b.call(target, Type.I64, b.i64(0)));
        b.exit(b.i64(0), 0);
        b.switchTo(handler);
        b.set(Fixture.O, b.caught());
        b.set(Fixture.X, b.convert(b.get(Fixture.R), Type.I64));
        b.exit(b.i64(0x108), 1);
        Fixture f = Fixture.agree(b.build(), x -> { });
        assertEquals(1, f.status);
        assertEquals("boom", f.state.getRef(Fixture.O));
        assertEquals(9, f.state.get(Fixture.X), "the handler sees the callee's state writes");
        assertEquals(2, f.ctx.instructions);
    }

    @Test
    void uncaughtThrowLeavesRegionWithStateWrittenBack() {
        RegionBuilder b = new RegionBuilder("throw", 0x100);
        b.insn(0x100);
        b.set(Fixture.R, b.i32(4));
        b.throwRef(b.constantRef("up"));
        Region r = b.build();
        Fixture f = new Fixture();
        GuestThrow t = assertThrows(GuestThrow.class, () -> f.run(r));
        assertSame("up", t.exception());
        assertEquals(4, f.state.get(Fixture.R));
        assertEquals(1, f.ctx.instructions);
    }
}
