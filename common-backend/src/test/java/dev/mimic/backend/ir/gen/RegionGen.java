package dev.mimic.backend.ir.gen;

import dev.mimic.backend.exec.CallTarget;
import dev.mimic.backend.exec.Frame;
import dev.mimic.backend.exec.RegionCode;
import dev.mimic.backend.ir.ArrayKind;
import dev.mimic.backend.ir.FieldRef;
import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.ir.ManagedType;
import dev.mimic.backend.ir.MemoryAccess;
import dev.mimic.backend.ir.Op;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.backend.state.Slot;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Builds well-typed random regions from a {@link Recipe}: value ops of every type over edge values,
 * guest memory accesses (some out of range), state slots of every type, helpers, managed objects,
 * arrays and exceptions with handler blocks, calls to callee regions, and multi-block control flow
 * with forward branches and loops. Loops are bounded by a fuel counter, so every region terminates;
 * managed ops only see references of the right shape (or null), so the only failures are guest
 * faults. The same recipe always builds the same program on a fresh {@link GenWorld}.
 */
public final class RegionGen {
    /** A built program: the main region, its callees (to be linked to an engine), its world and frame. */
    public static final class Program {
        public final GenWorld world;
        public final Region main;
        public final List<Region> callees;
        public final List<CallTarget> targets;
        /** The main region's frame, with its parameters filled in. */
        public final Frame frame;

        Program(GenWorld world, Region main, List<Region> callees, List<CallTarget> targets, Frame frame) {
            this.world = world;
            this.main = main;
            this.callees = callees;
            this.targets = targets;
            this.frame = frame;
        }

        /** Links every callee to the code {@code engine} makes of it. */
        public void link(Function<Region, RegionCode> engine) {
            for (int i = 0; i < callees.size(); i++) {
                targets.get(i).link(callees.get(i), engine.apply(callees.get(i)));
            }
        }
    }

    /**
     * A region's parameters and result (null: none), and how it runs: entered by the dispatcher,
     * or called, yielding at its entry and back-edges or not.
     */
    record Signature(List<Type> params, Type result, boolean dispatchable, boolean yielding) {
    }

    /** Step ops 0..20 emit instructions; the rest end the block. */
    private static final int OPS = 26;
    private static final int BREAK = 21;
    private static final int MAX_BLOCKS = 8;
    private static final Type[] TYPES = Type.values();
    private static final MemoryAccess[] ACCESSES = {MemoryAccess.U8, MemoryAccess.S8, MemoryAccess.U16, MemoryAccess.S16,
            MemoryAccess.U32, MemoryAccess.S32, MemoryAccess.W64};
    private static final ManagedType[] CLASSES = {GenWorld.BASE, GenWorld.DERIVED, GenWorld.EXC};
    private static final FieldRef[] BASE_FIELDS = {GenWorld.BASE_I32, GenWorld.BASE_I64, GenWorld.BASE_F64, GenWorld.BASE_REF};
    private static final FieldRef[] DERIVED_FIELDS = {GenWorld.BASE_I32, GenWorld.BASE_I64, GenWorld.BASE_F64, GenWorld.BASE_REF,
            GenWorld.DERIVED_I64, GenWorld.DERIVED_REF};
    /** The shape of a reference nobody may use as an object or array. */
    private static final Object ANY = "any";

    /** Builds the program of {@code recipe} on a fresh world. */
    public static Program build(Recipe recipe) {
        GenWorld world = new GenWorld(recipe.seed());
        List<Region> callees = new ArrayList<>();
        List<CallTarget> targets = new ArrayList<>();
        List<Signature> signatures = new ArrayList<>();
        for (int i = 0; i < recipe.callees().size(); i++) {
            Signature sig = signature(Integer.rotateLeft(recipe.shape() * 0x9E3779B9 + i, 11));
            RegionGen gen = new RegionGen("callee" + i, 0x4000 + 0x1000L * i, sig, recipe.callees().get(i), recipe,
                    world, List.copyOf(targets), List.copyOf(signatures));
            callees.add(gen.region());
            targets.add(new CallTarget("callee" + i));
            signatures.add(sig);
        }
        Signature mainSig = (recipe.shape() & 1) == 0 ? new Signature(List.of(), null, true, false) : signature(recipe.shape() >>> 1);
        Region main = new RegionGen("main", 0x1000, mainSig, recipe.main(), recipe, world, targets, signatures).region();
        Frame frame = new Frame(main.tempCount());
        for (int i = 0; i < main.paramCount(); i++) {
            switch (main.tempType(i)) {
                case I32 -> frame.values[i] = world.nextInt();
                case I64 -> frame.values[i] = world.nextLong();
                case F64 -> frame.values[i] = Double.doubleToRawLongBits(world.nextDouble());
                case REF -> frame.refs[i] = (i & 1) == 0 ? world.baseConstant : null;
            }
        }
        return new Program(world, main, callees, targets, frame);
    }

    private static Signature signature(int bits) {
        int n = Math.floorMod(bits, 4);
        List<Type> params = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            params.add(TYPES[(bits >>> (2 + 2 * k)) & 3]);
        }
        int r = Math.floorMod(bits >>> 8, 5);
        return new Signature(params, r == 0 ? null : TYPES[r - 1], false, ((bits >>> 30) & 1) != 0);
    }

    private final RegionBuilder b;
    private final Signature signature;
    private final Recipe recipe;
    private final GenWorld world;
    private final List<CallTarget> targets;
    private final List<Signature> signatures;
    private final long base;
    private final Map<Type, List<Temp>> pool = new EnumMap<>(Type.class);
    /** For each REF temp, what it may hold: a BASE or DERIVED object, an {@link ArrayKind} array, or {@link #ANY}; or null. */
    private final Map<Temp, Object> shapes = new HashMap<>();
    private final List<List<Step>> bodies = new ArrayList<>();
    private final List<Step> breaks = new ArrayList<>();
    private Temp fuel;
    private long nextPc;
    private int block;

    private RegionGen(String name, long base, Signature signature, List<Step> steps, Recipe recipe, GenWorld world,
                      List<CallTarget> targets, List<Signature> signatures) {
        this.b = new RegionBuilder(name, base);
        this.base = base;
        this.nextPc = base;
        this.signature = signature;
        this.recipe = recipe;
        this.world = world;
        this.targets = targets;
        this.signatures = signatures;
        for (Type t : TYPES) {
            pool.put(t, new ArrayList<>());
        }
        for (Type t : signature.params()) {
            add(b.param(t), ANY);
        }
        if (signature.yielding()) {
            b.yielding();
        }
        if (!signature.dispatchable()) {
            b.returns(signature.result());
        }
        bodies.add(new ArrayList<>());
        for (Step s : steps) {
            if (s.op() % OPS >= BREAK && bodies.size() < MAX_BLOCKS) {
                breaks.add(s);
                bodies.add(new ArrayList<>());
            } else {
                bodies.get(bodies.size() - 1).add(s);
            }
        }
    }

    private Region region() {
        int n = bodies.size();
        boolean[] handlerBlock = new boolean[n];
        for (int k = 1; k < n; k++) {
            handlerBlock[k] = breaks.get(k - 1).c() % 3 == 0;
        }
        for (int k = 1; k < n; k++) {
            b.newBlock();
        }
        for (block = 0; block < n; block++) {
            b.switchTo(block);
            if (signature.dispatchable() || signature.yielding()) {
                b.resumeAt(base + 0x800 + 4L * block);
            }
            int selector = block == 0 ? recipe.fuel() : breaks.get(block - 1).b();
            for (int h = block + 1; h < n && selector % 2 == 0; h++) {
                if (handlerBlock[h]) {
                    b.handler(h);
                    break;
                }
            }
            if (handlerBlock[block]) {
                add(b.caught(), ANY);
            }
            if (block == 0) {
                fuel = b.temp(Type.I32);
                b.assign(fuel, b.i32(recipe.fuel()));
            }
            for (Step s : bodies.get(block)) {
                step(s);
            }
            terminate(block < n - 1 ? breaks.get(block) : null, n - 1 - block);
        }
        return b.build();
    }

    // ---- steps ----

    private void step(Step s) {
        switch (s.op() % OPS) {
            case 0 -> add(constant(TYPES[s.a() % 3], s.b(), s.value()), ANY);
            case 1, 2 -> binary(s);
            case 3 -> compare(s);
            case 4 -> add(s.a() % 2 == 0 ? b.unary(Op.NEG, pick(TYPES[s.b() % 3], s.c()))
                    : b.unary(Op.NOT, pick(TYPES[s.b() % 2], s.c())), ANY);
            case 5 -> select(s);
            case 6 -> {
                Temp x = pick(TYPES[s.a() % 2], s.c());
                int bits = 1 + s.b() % (x.type() == Type.I32 ? 31 : 63);
                add(s.value() % 2 == 0 ? b.signExtend(x, bits) : b.zeroExtend(x, bits), ANY);
            }
            case 7 -> convert(s);
            case 8 -> add(b.bitcast(pick(s.a() % 2 == 0 ? Type.F64 : Type.I64, s.b())), ANY);
            case 9 -> {
                MemoryAccess m = ACCESSES[s.a() % ACCESSES.length];
                Type t = m.bytes() == 8 ? (s.b() % 2 == 0 ? Type.I64 : Type.F64) : TYPES[s.b() % 2];
                add(b.load(m, t, address(s.c(), s.value())), ANY);
            }
            case 10 -> {
                MemoryAccess m = ACCESSES[s.a() % ACCESSES.length];
                Type t = m.bytes() == 8 ? (s.b() % 2 == 0 ? Type.I64 : Type.F64) : TYPES[s.b() % 2];
                Temp address = address(s.c(), s.value());
                b.store(m, address, pick(t, sel(s.value(), 3)));
            }
            case 11 -> {
                Slot slot = GenWorld.SLOTS.get(s.a() % GenWorld.SLOTS.size());
                add(b.get(slot), shapeOf(slot));
            }
            case 12 -> {
                Slot slot = GenWorld.SLOTS.get(s.a() % GenWorld.SLOTS.size());
                Object shape = shapeOf(slot);
                b.set(slot, slot.type() == Type.REF ? ref(s.b(), fits(shape), () -> nullOf(shape)) : pick(slot.type(), s.b()));
            }
            case 13 -> helper(s);
            case 14, 20, 21, 22, 23, 24, 25 -> b.insn(nextPc += 4); // 21..25: a block end past the block limit
            case 15 -> assign(s);
            case 16 -> object(s);
            case 17 -> array(s);
            case 18 -> call(s);
            default -> add(b.instanceOf(CLASSES[s.b() % 3], ref(s.a(), x -> true, () -> nullOf(ANY))), ANY);
        }
    }

    private void binary(Step s) {
        Type t = TYPES[s.a() % 3];
        Op[] ops = t == Type.F64 ? new Op[] {Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.REM}
                : new Op[] {Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.DIVU, Op.REM, Op.REMU, Op.AND, Op.OR, Op.XOR, Op.SHL, Op.SHR, Op.SAR};
        add(b.binary(ops[s.b() % ops.length], pick(t, s.c()), pick(t, sel(s.value(), 0))), ANY);
    }

    private void compare(Step s) {
        Type t = TYPES[s.a() % 4];
        Op[] ops = switch (t) {
            case REF -> new Op[] {Op.EQ, Op.NE};
            case F64 -> new Op[] {Op.EQ, Op.NE, Op.LT, Op.LE};
            default -> new Op[] {Op.EQ, Op.NE, Op.LT, Op.LE, Op.LTU, Op.LEU};
        };
        Op op = ops[s.b() % ops.length];
        if (t == Type.REF) {
            add(b.binary(op, ref(s.c(), x -> true, () -> nullOf(ANY)), ref(sel(s.value(), 0), x -> true, () -> nullOf(ANY))), ANY);
        } else {
            add(b.binary(op, pick(t, s.c()), pick(t, sel(s.value(), 0))), ANY);
        }
    }

    private void select(Step s) {
        Type t = TYPES[s.a() % 4];
        Temp condition = pick(Type.I32, s.b());
        if (t == Type.REF) {
            Temp x = ref(s.c(), shape -> true, () -> nullOf(ANY));
            Object shape = shapes.get(x);
            Temp y = ref(sel(s.value(), 0), shape::equals, () -> x);
            add(b.select(condition, x, y), shape);
        } else {
            add(b.select(condition, pick(t, s.c()), pick(t, sel(s.value(), 0))), ANY);
        }
    }

    private void convert(Step s) {
        Type from = TYPES[s.a() % 3];
        Type to = TYPES[s.b() % 3];
        if (to == from) {
            to = TYPES[(s.b() + 1) % 3];
        }
        Temp x = pick(from, s.c());
        add(from == Type.I32 && to == Type.I64 && s.value() % 2 != 0 ? b.convertUnsigned(x) : b.convert(x, to), ANY);
    }

    private void helper(Step s) {
        Helper h = GenHelpers.ALL.get(s.a() % GenHelpers.ALL.size());
        Temp[] args = new Temp[h.arity()];
        for (int i = 0; i < args.length; i++) {
            int selector = i == 0 ? s.b() : s.c();
            args[i] = h.parameterType(i) == Type.REF ? ref(selector, x -> true, () -> nullOf(ANY)) : pick(h.parameterType(i), selector);
        }
        Temp result = b.helper(h, args);
        if (result != null) {
            add(result, h == GenHelpers.WRAP ? ArrayKind.I64 : ANY);
        }
    }

    private void assign(Step s) {
        Type t = TYPES[s.a() % 4];
        if (t == Type.REF) {
            Temp into = ref(s.b(), x -> true, () -> null);
            if (into != null) {
                Object shape = shapes.get(into);
                b.assign(into, ref(s.c(), shape::equals, () -> into));
            }
        } else if (!pool.get(t).isEmpty()) {
            Temp into = pool.get(t).get(s.b() % pool.get(t).size());
            b.assign(into, pick(t, s.c()));
        }
    }

    private void object(Step s) {
        switch (s.a() % 3) {
            case 0 -> {
                ManagedType type = CLASSES[s.b() % 3];
                add(b.newObject(type), type == GenWorld.EXC ? ANY : type);
            }
            case 1 -> {
                Temp o = object(s.b());
                FieldRef f = field(o, s.c());
                add(b.getField(f, o), ANY);
            }
            default -> {
                Temp o = object(s.b());
                FieldRef f = field(o, s.c());
                b.putField(f, o, f.type() == Type.REF ? ref(sel(s.value(), 0), x -> true, () -> nullOf(ANY)) : pick(f.type(), sel(s.value(), 0)));
            }
        }
    }

    private Temp object(int selector) {
        return ref(selector, shape -> shape == GenWorld.BASE || shape == GenWorld.DERIVED, () -> switch (selector % 3) {
            case 0 -> add(b.constantRef(world.baseConstant), GenWorld.BASE);
            case 1 -> add(b.get(GenWorld.P), GenWorld.BASE);
            default -> nullOf(GenWorld.BASE);
        });
    }

    private FieldRef field(Temp object, int selector) {
        FieldRef[] fields = shapes.get(object) == GenWorld.DERIVED ? DERIVED_FIELDS : BASE_FIELDS;
        return fields[selector % fields.length];
    }

    private void array(Step s) {
        switch (s.a() % 4) {
            case 0 -> {
                ArrayKind kind = ArrayKind.values()[s.b() % ArrayKind.values().length];
                add(b.newArray(kind, length(s.c())), kind);
            }
            case 1 -> {
                Temp array = array(s.b());
                ArrayKind kind = (ArrayKind) shapes.get(array);
                add(b.arrayLoad(kind, array, index(s.c())), ANY);
            }
            case 2 -> {
                Temp array = array(s.b());
                ArrayKind kind = (ArrayKind) shapes.get(array);
                Temp index = index(s.c());
                Temp value = kind == ArrayKind.REF ? ref(sel(s.value(), 0), x -> true, () -> nullOf(ANY))
                        : pick(kind.elementType(), sel(s.value(), 0));
                b.arrayStore(kind, array, index, value);
            }
            default -> add(b.arrayLength(array(s.b())), ANY);
        }
    }

    private Temp array(int selector) {
        return ref(selector, shape -> shape instanceof ArrayKind, () -> switch (selector % 4) {
            case 0 -> add(b.constantRef(world.arrayConstant), ArrayKind.I32);
            case 1 -> add(b.get(GenWorld.Q), ArrayKind.I32);
            case 2 -> nullOf(ArrayKind.values()[(selector / 4) % ArrayKind.values().length]);
            default -> add(b.newArray(ArrayKind.F64, b.i32(2)), ArrayKind.F64);
        });
    }

    private Temp length(int selector) {
        return switch (selector % 4) {
            case 0 -> b.i32((selector / 4) % 6 - 1);
            case 1 -> b.and(pick(Type.I32, selector / 4), b.i32(7));
            case 2 -> b.sub(b.and(pick(Type.I32, selector / 4), b.i32(3)), b.i32(1));
            default -> b.i32(3);
        };
    }

    private Temp index(int selector) {
        return switch (selector % 4) {
            case 0 -> b.i32((selector / 4) % 6 - 1);
            case 1 -> b.and(pick(Type.I32, selector / 4), b.i32(3));
            case 2 -> pick(Type.I32, selector / 4);
            default -> b.i32(0);
        };
    }

    private void call(Step s) {
        if (targets.isEmpty()) {
            b.insn(nextPc += 4);
            return;
        }
        int i = s.a() % targets.size();
        Signature sig = signatures.get(i);
        Temp[] args = new Temp[sig.params().size()];
        for (int k = 0; k < args.length; k++) {
            Type t = sig.params().get(k);
            int selector = sel(s.value(), k);
            args[k] = t == Type.REF ? ref(selector, x -> true, () -> nullOf(ANY)) : pick(t, selector);
        }
        Type result = s.b() % 4 == 0 ? null : sig.result();
        Temp r = b.call(targets.get(i), result, args);
        if (r != null) {
            add(r, ANY);
        }
    }

    // ---- terminators ----

    /** Ends the block: 1/8 each a forward jump, a forward branch, a throw or a region exit, 1/2 a loop back-edge. */
    private void terminate(Step brk, int forward) {
        int kind = brk == null ? 7 : brk.a() % 8;
        if (kind >= 2 && kind <= 5 && block > 0 && forward > 0) {
            Temp left = b.sub(fuel, b.i32(1));
            b.assign(fuel, left);
            b.branch(b.binary(Op.LT, b.i32(0), left), 1 + brk.b() % block, block + 1 + brk.c() % forward);
        } else if (kind == 6) {
            b.throwRef(ref(brk.c(), x -> true, () -> b.newObject(GenWorld.EXC)));
        } else if (kind == 7 || forward == 0) {
            end(brk == null ? (int) (recipe.seed() & 0xFFFF) + bodies.get(block).size() : brk.b());
        } else if (kind == 1) {
            b.branch(pick(Type.I32, brk.c()), block + 1 + brk.b() % forward, block + 1 + (brk.b() / 7) % forward);
        } else {
            b.jump(block + 1 + brk.b() % forward);
        }
    }

    private void end(int selector) {
        int choice = selector % (signature.dispatchable() ? 3 : 6);
        switch (choice) {
            case 0 -> b.exit(pick(TYPES[selector / 6 % 2], selector / 12), selector / 6 % 4);
            case 1 -> b.stop(pick(TYPES[selector / 6 % 2], selector / 12), selector / 6 % 100);
            default -> {
                Type r = signature.result();
                if (r == null) {
                    b.ret();
                } else {
                    b.ret(r == Type.REF ? ref(selector / 6, x -> true, () -> nullOf(ANY)) : pick(r, selector / 6));
                }
            }
        }
    }

    // ---- operands ----

    /** A temp of type {@code t} from the pool, or a fresh constant. */
    private Temp pick(Type t, int selector) {
        List<Temp> p = pool.get(t);
        if (p.isEmpty() || selector % 9 == 8) {
            return add(constant(t, selector / 9, selector * 0x9E37_79B9_7F4A_7C15L), ANY);
        }
        return p.get(selector % p.size());
    }

    /** A REF temp whose shape passes {@code fits}, else what {@code otherwise} makes. */
    private Temp ref(int selector, Predicate<Object> fits, Supplier<Temp> otherwise) {
        List<Temp> candidates = pool.get(Type.REF).stream().filter(t -> fits.test(shapes.get(t))).toList();
        if (candidates.isEmpty() || selector % 7 == 6) {
            return otherwise.get();
        }
        return candidates.get(selector % candidates.size());
    }

    private Temp nullOf(Object shape) {
        return add(b.constantRef(null), shape);
    }

    private Temp constant(Type t, int selector, long value) {
        boolean edge = selector % 3 != 0;
        return switch (t) {
            case I32 -> b.i32(edge ? Values.I32[(selector / 3) % Values.I32.length] : (int) value);
            case I64 -> b.i64(edge ? Values.I64[(selector / 3) % Values.I64.length] : value);
            case F64 -> edge ? b.f64(Values.F64[(selector / 3) % Values.F64.length]) : b.constant(Type.F64, value);
            case REF -> throw new IllegalArgumentException("references come from ref()");
        };
    }

    /** A guest address: mostly inside memory, sometimes just past its end, sometimes anywhere. */
    private Temp address(int selector, long value) {
        int inside = (int) Math.floorMod(value, GenWorld.MEMORY_SIZE - 8);
        return switch (selector % 8) {
            case 0, 1 -> b.i64(inside);
            case 2 -> b.i32(inside);
            case 3 -> b.and(pick(Type.I64, selector / 8), b.i64(0xF8));
            case 4 -> b.and(pick(Type.I32, selector / 8), b.i32(0xFF));
            case 5 -> b.add(b.i64(16), b.and(pick(Type.I64, selector / 8), b.i64(0x3F)));
            case 6 -> pick(TYPES[(selector / 8) % 2], selector / 16);
            default -> b.i64(GenWorld.MEMORY_SIZE - 6 + (selector / 8) % 8);
        };
    }

    private static Object shapeOf(Slot slot) {
        return slot == GenWorld.P ? GenWorld.BASE : slot == GenWorld.Q ? ArrayKind.I32 : ANY;
    }

    /** Which shapes may be stored where {@code shape} is expected. */
    private static Predicate<Object> fits(Object shape) {
        return shape == GenWorld.BASE ? s -> s == GenWorld.BASE || s == GenWorld.DERIVED : shape == ANY ? s -> true : shape::equals;
    }

    private static int sel(long value, int k) {
        return (int) ((value >>> (16 * k)) & 0xFFFF);
    }

    private Temp add(Temp t, Object shape) {
        pool.get(t.type()).add(t);
        if (t.type() == Type.REF) {
            shapes.put(t, shape);
        }
        return t;
    }
}
