package dev.mimic.backend.exec;

import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Type;
import dev.mimic.backend.jit.Jit;
import dev.mimic.backend.memory.FlatMemory;
import dev.mimic.backend.state.GuestState;
import dev.mimic.backend.state.Slot;
import dev.mimic.backend.state.StateLayout;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalledRegionsTest {
    private static final StateLayout LAYOUT;
    private static final Slot X;

    static {
        StateLayout.Builder b = StateLayout.builder("pc");
        b.add("pc", Type.I64);
        X = b.add("x", Type.I64);
        LAYOUT = b.build();
    }

    private final ExecutionContext ctx = new ExecutionContext(new GuestState(LAYOUT), new FlatMemory(4096), null);
    private final List<Long> decoded = new ArrayList<>();
    private final AtomicInteger compiles = new AtomicInteger();
    private EngineKind kind = EngineKind.TIERED;
    private final CalledRegions calls = new CalledRegions(this::decode, Type.I32, region -> {
        compiles.incrementAndGet();
        return new Jit().compile(region);
    }, () -> kind, 3);

    /** The procedure at {@code entry}: adds {@code entry} to x in one guest instruction and returns entry + 1. */
    private Region decode(long entry, ExecutionContext context) {
        decoded.add(entry);
        RegionBuilder b = new RegionBuilder("proc@" + entry, entry).yielding().returns(Type.I32);
        b.insn(entry);
        b.set(X, b.add(b.get(X), b.i64(entry)));
        b.ret(b.i32((int) entry + 1));
        b.coverCode(entry, entry + 1);
        return b.build();
    }

    private int call(CallTarget target) {
        Frame f = new Frame(target.region().tempCount());
        assertEquals(RegionCode.RETURNED, target.code().run(ctx, f));
        return (int) f.result;
    }

    @Test
    void targetIsDecodedOnItsFirstCallAndOnlyThen() {
        CallTarget t = calls.target(100);
        assertEquals(List.of(), decoded);
        assertEquals(101, call(t));
        assertEquals(101, call(t));
        assertEquals(List.of(100L), decoded);
        assertEquals(200, ctx.state.get(X));
        assertEquals(2, ctx.instructions);
        assertSame(t, calls.target(100));
    }

    @Test
    void tieredTargetIsCompiledOnceItIsHot() {
        CallTarget t = calls.target(7);
        call(t);
        call(t);
        assertFalse(t.code().compiled());
        call(t);
        call(t);
        assertTrue(t.code().compiled());
        assertEquals(1, compiles.get());
        assertEquals(4 * 7, ctx.state.get(X));
    }

    @Test
    void invalidatedTargetIsDecodedAgainOnItsNextCall() {
        CallTarget t = calls.target(100);
        call(t);
        calls.invalidate(0, 50);
        call(t);
        assertEquals(List.of(100L), decoded);
        calls.invalidate(100, 101);
        call(t);
        assertEquals(List.of(100L, 100L), decoded);
    }

    @Test
    void changingTheEngineKindForgetsEveryTarget() {
        CallTarget interpreted = calls.target(5);
        call(interpreted);
        kind = EngineKind.JIT;
        CallTarget compiled = calls.target(5);
        assertNotSame(interpreted, compiled);
        call(compiled);
        assertTrue(compiled.code().compiled());
        call(interpreted);
        assertEquals(List.of(5L, 5L, 5L), decoded, "a forgotten target still works: it decodes again");
    }
}
