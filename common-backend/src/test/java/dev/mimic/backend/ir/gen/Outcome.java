package dev.mimic.backend.ir.gen;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frame;
import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.exec.GuestThrow;
import dev.mimic.backend.exec.RegionCode;
import dev.mimic.backend.ir.ManagedObject;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.state.GuestState;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything observable after running a generated program on one engine: how the run ended (status,
 * fault kind/pc/address/code, managed exception, host error), the guest state, memory bytes,
 * instruction count, stop code, frame results and the world's objects. Two outcomes are compared
 * field by field; primitive state cells as {@link GuestState#sameAs} does, references structurally
 * (each engine ran on its own world, so objects correspond one to one rather than being identical).
 */
public final class Outcome {
    private final String ending;
    private final Object thrown;
    private final GuestState state;
    private final byte[] memory;
    private final long instructions;
    private final int stopCode;
    private final Frame frame;
    private final List<Object> objects;

    private Outcome(String ending, Object thrown, ExecutionContext ctx, Frame frame, GenWorld world) {
        this.ending = ending;
        this.thrown = thrown;
        this.state = ctx.state;
        this.memory = new byte[GenWorld.MEMORY_SIZE];
        world.memory.read(0, memory, 0, memory.length);
        this.instructions = ctx.instructions;
        this.stopCode = ctx.stopCode;
        this.frame = frame;
        this.objects = world.objects();
    }

    /**
     * Builds the program of {@code recipe} on a fresh world, links its callees to {@code callees}'s
     * code, runs the main region as {@code main} compiles it, and records the outcome.
     */
    public static Outcome run(Recipe recipe, Function<Region, RegionCode> main, Function<Region, RegionCode> callees) {
        RegionGen.Program p = RegionGen.build(recipe);
        p.link(callees);
        RegionCode code = main.apply(p.main);
        ExecutionContext ctx = new ExecutionContext(p.world.state, p.world.memory, null);
        ctx.instructionLimit = recipe.limit() < 0 ? Long.MAX_VALUE : recipe.limit();
        ctx.interruptRequested = recipe.limit() == -2;
        String ending;
        Object thrown = null;
        try {
            ending = "status " + code.run(ctx, p.frame);
        } catch (GuestFault f) {
            ending = "fault " + f.kind() + " pc=0x" + Long.toHexString(f.pc()) + " address=" + f.address() + " code=" + f.code();
        } catch (GuestThrow t) {
            ending = "guest exception";
            thrown = t.exception();
        }
        return new Outcome(ending, thrown, ctx, p.frame, p.world);
    }

    /** A description of the first difference from {@code other}, or null when both runs agree. */
    public String differenceFrom(Outcome other) {
        Structure s = new Structure();
        if (!ending.equals(other.ending)) {
            return "ending: " + ending + " vs " + other.ending;
        }
        if (!s.same(thrown, other.thrown)) {
            return "thrown: " + thrown + " vs " + other.thrown;
        }
        if (instructions != other.instructions) {
            return "instructions: " + instructions + " vs " + other.instructions;
        }
        if (stopCode != other.stopCode) {
            return "stop code: " + stopCode + " vs " + other.stopCode;
        }
        if (!Arrays.equals(state.words, other.state.words) || !sameBits(state.floats, other.state.floats)
                || !s.same(state.refs, other.state.refs)) {
            return "state: " + state + " vs " + other.state;
        }
        if (!Arrays.equals(memory, other.memory)) {
            return "memory differs at byte " + Arrays.mismatch(memory, other.memory);
        }
        if (frame.result != other.frame.result || !s.same(frame.resultRef, other.frame.resultRef)) {
            return "frame result: " + frame.result + "/" + frame.resultRef + " vs " + other.frame.result + "/" + other.frame.resultRef;
        }
        if (!s.same(objects, other.objects)) {
            return "world objects differ";
        }
        return null;
    }

    @Override
    public String toString() {
        return ending + ", " + instructions + " instructions, state " + state;
    }

    private static boolean sameBits(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) {
                return false;
            }
        }
        return true;
    }

    /** Structural equality of two object graphs under a one-to-one correspondence of their objects. */
    private static final class Structure {
        private final Map<Object, Object> forward = new IdentityHashMap<>();
        private final Map<Object, Object> backward = new IdentityHashMap<>();

        boolean same(Object a, Object b) {
            if (a == null || b == null) {
                return a == b;
            }
            if (forward.containsKey(a) || backward.containsKey(b)) {
                return forward.get(a) == b;
            }
            if (a instanceof List<?> x && b instanceof List<?> y) {
                return x.size() == y.size() && sameElements(x.toArray(), y.toArray());
            }
            if (a.getClass() != b.getClass()) {
                return false;
            }
            forward.put(a, b);
            backward.put(b, a);
            if (a instanceof ManagedObject x) {
                ManagedObject y = (ManagedObject) b;
                return x.type() == y.type() && Arrays.equals(x.primitives, y.primitives) && sameElements(x.references, y.references);
            }
            if (a instanceof Object[] x) {
                return sameElements(x, (Object[]) b);
            }
            if (a instanceof double[] x) {
                return x.length == ((double[]) b).length && sameBits(x, (double[]) b);
            }
            if (a.getClass().isArray()) {
                int n = Array.getLength(a);
                if (n != Array.getLength(b)) {
                    return false;
                }
                for (int i = 0; i < n; i++) {
                    if (!Array.get(a, i).equals(Array.get(b, i))) {
                        return false;
                    }
                }
                return true;
            }
            return a.equals(b);
        }

        private boolean sameElements(Object[] a, Object[] b) {
            if (a.length != b.length) {
                return false;
            }
            for (int i = 0; i < a.length; i++) {
                if (!same(a[i], b[i])) {
                    return false;
                }
            }
            return true;
        }
    }
}
