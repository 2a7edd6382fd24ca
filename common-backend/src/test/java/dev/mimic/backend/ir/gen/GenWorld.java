package dev.mimic.backend.ir.gen;

import dev.mimic.backend.ir.FieldRef;
import dev.mimic.backend.ir.ManagedObject;
import dev.mimic.backend.ir.ManagedType;
import dev.mimic.backend.ir.Type;
import dev.mimic.backend.memory.FlatMemory;
import dev.mimic.backend.state.GuestState;
import dev.mimic.backend.state.Slot;
import dev.mimic.backend.state.StateLayout;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The small machine generated regions run on: a state layout with slots of every type, a 256-byte
 * {@link FlatMemory}, a few managed types with fields, and fresh constant objects. Everything
 * mutable is created per instance from a seed, so two engines can each run on an identical,
 * independent copy and their results be compared.
 */
public final class GenWorld {
    public static final int MEMORY_SIZE = 256;

    public static final StateLayout LAYOUT;
    public static final Slot PC, A, B, C, D, F, G, O, P, Q;
    /** Every slot but the pc, for GET and SET. */
    public static final List<Slot> SLOTS;

    public static final ManagedType BASE = new ManagedType("Base", null, List.of(), 3, 1);
    public static final ManagedType DERIVED = new ManagedType("Derived", BASE, List.of(), 4, 2);
    public static final ManagedType EXC = new ManagedType("Exc", null, List.of(), 1, 0);
    public static final FieldRef BASE_I32 = new FieldRef(BASE, "i", Type.I32, 0);
    public static final FieldRef BASE_I64 = new FieldRef(BASE, "j", Type.I64, 1);
    public static final FieldRef BASE_F64 = new FieldRef(BASE, "d", Type.F64, 2);
    public static final FieldRef BASE_REF = new FieldRef(BASE, "r", Type.REF, 0);
    public static final FieldRef DERIVED_I64 = new FieldRef(DERIVED, "k", Type.I64, 3);
    public static final FieldRef DERIVED_REF = new FieldRef(DERIVED, "s", Type.REF, 1);

    static {
        StateLayout.Builder b = StateLayout.builder("pc");
        PC = b.add("pc", Type.I64);
        A = b.add("a", Type.I32);
        B = b.add("b", Type.I32);
        C = b.add("c", Type.I64);
        D = b.add("d", Type.I64);
        F = b.add("f", Type.F64);
        G = b.add("g", Type.F64);
        O = b.add("o", Type.REF);
        P = b.add("p", Type.REF);
        Q = b.add("q", Type.REF);
        LAYOUT = b.build();
        SLOTS = List.of(A, B, C, D, F, G, O, P, Q);
    }

    public final GuestState state = new GuestState(LAYOUT);
    public final FlatMemory memory = new FlatMemory(MEMORY_SIZE);
    /** A Base object and an int[] the generator uses as REF constants, fresh per world. */
    public final ManagedObject baseConstant = new ManagedObject(BASE);
    public final int[] arrayConstant = {3, -1, 7};
    private final SplittableRandom random;

    public GenWorld(long seed) {
        random = new SplittableRandom(seed);
        byte[] bytes = new byte[MEMORY_SIZE];
        new Random(seed).nextBytes(bytes);
        memory.write(0, bytes, 0, bytes.length);
        state.setPc(0x1000);
        state.set(A, nextInt());
        state.set(B, nextInt());
        state.set(C, nextLong());
        state.set(D, nextLong());
        state.set(F, Double.doubleToRawLongBits(nextDouble()));
        state.set(G, Double.doubleToRawLongBits(nextDouble()));
        state.setRef(O, "a string");
        ManagedObject p = new ManagedObject(DERIVED);
        p.primitives[0] = nextInt();
        p.references[0] = baseConstant;
        state.setRef(P, p);
        state.setRef(Q, new int[] {nextInt(), 5});
        baseConstant.primitives[1] = nextLong();
    }

    /** The next value of an edge-heavy stream of ints, for parameters and initial state. */
    public int nextInt() {
        return (int) nextLong();
    }

    public long nextLong() {
        return random.nextInt(3) == 0 ? random.nextLong() : Values.I64[random.nextInt(Values.I64.length)];
    }

    public double nextDouble() {
        return random.nextInt(3) == 0 ? random.nextDouble() * 1e6 - 5e5 : Values.F64[random.nextInt(Values.F64.length)];
    }

    /** The objects the world owns, for comparing two worlds after a run. */
    public List<Object> objects() {
        return List.of(baseConstant, arrayConstant);
    }
}
