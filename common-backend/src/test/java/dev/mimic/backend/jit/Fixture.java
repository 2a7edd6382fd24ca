package dev.mimic.backend.jit;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frame;
import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.exec.RegionCode;
import dev.mimic.backend.interp.InterpretedCode;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.Type;
import dev.mimic.backend.memory.FlatMemory;
import dev.mimic.backend.state.GuestState;
import dev.mimic.backend.state.Slot;
import dev.mimic.backend.state.StateLayout;

import java.util.function.Consumer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small machine for the JIT's unit tests: a few slots, 4 KiB of memory, both engines. */
final class Fixture {
    static final StateLayout LAYOUT;
    static final Slot PC, R, X, F, O;

    static {
        StateLayout.Builder b = StateLayout.builder("pc");
        PC = b.add("pc", Type.I64);
        R = b.add("r", Type.I32);
        X = b.add("x", Type.I64);
        F = b.add("f", Type.F64);
        O = b.add("o", Type.REF);
        LAYOUT = b.build();
    }

    static final Jit JIT = new Jit();
    static final Function<Region, RegionCode> INTERPRETER = InterpretedCode::new;
    static final Function<Region, RegionCode> COMPILER = JIT::compile;

    final GuestState state = new GuestState(LAYOUT);
    final FlatMemory memory = new FlatMemory(4096);
    final ExecutionContext ctx = new ExecutionContext(state, memory, null);
    /** The status of the last run through {@link #agree}, or null if it faulted. */
    Integer status;

    /** Runs {@code region} compiled with no parameters. */
    int run(Region region) {
        return run(JIT.compile(region), region);
    }

    int run(RegionCode code, Region region) {
        return code.run(ctx, new Frame(region.tempCount()));
    }

    /** Runs {@code region} on two fresh fixtures, interpreted and compiled, and checks they agree; returns the compiled one. */
    static Fixture agree(Region region, Consumer<Fixture> setUp) {
        Fixture interpreted = new Fixture();
        Fixture compiled = new Fixture();
        setUp.accept(interpreted);
        setUp.accept(compiled);
        String a = interpreted.outcome(INTERPRETER.apply(region), region);
        String b = compiled.outcome(COMPILER.apply(region), region);
        assertEquals(a, b, region.listing());
        assertTrue(interpreted.state.sameAs(compiled.state), () -> interpreted.state + " vs " + compiled.state);
        return compiled;
    }

    private String outcome(RegionCode code, Region region) {
        String ending;
        try {
            status = run(code, region);
            ending = "status " + status;
        } catch (GuestFault f) {
            ending = "fault " + f.kind() + " at 0x" + Long.toHexString(f.pc());
        }
        return ending + " after " + ctx.instructions + " instructions";
    }
}
