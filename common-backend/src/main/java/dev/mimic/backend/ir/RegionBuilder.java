package dev.mimic.backend.ir;

import dev.mimic.backend.exec.CallTarget;
import dev.mimic.backend.state.Slot;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Region} one instruction at a time, the way frontends translate guest code:
 * allocate temporaries, append ops to the current block, open further blocks and branch between
 * them. {@link #build()} checks the result (types, terminators, branch targets) so a frontend bug
 * shows up at decode time, not as wrong guest behaviour.
 */
public final class RegionBuilder {
    private final String name;
    private final long entryPc;
    private final List<Type> temps = new ArrayList<>();
    private final List<BlockDraft> blocks = new ArrayList<>();
    private final List<CodeRange> code = new ArrayList<>();
    private int params;
    private Type returnType;
    private boolean called;
    private boolean yielding;
    private BlockDraft current;
    private int guestInstructions;

    private static final class BlockDraft {
        final List<Insn> insns = new ArrayList<>();
        long resumePc = Block.NOT_RESUMABLE;
        int handler = -1;

        boolean closed() {
            return !insns.isEmpty() && insns.get(insns.size() - 1).op.isTerminator();
        }
    }

    public RegionBuilder(String name, long entryPc) {
        this.name = name;
        this.entryPc = entryPc;
        this.current = new BlockDraft();
        blocks.add(current);
    }

    // ---- shape ----

    /** Declares the next parameter; parameters must be declared before any other temporary. */
    public Temp param(Type type) {
        if (params != temps.size()) {
            throw new IllegalStateException("parameters must come before other temporaries");
        }
        params++;
        return temp(type);
    }

    /** Declares what RETURN yields in this region (which makes it a called region). */
    public RegionBuilder returns(Type type) {
        this.returnType = type;
        this.called = true;
        return this;
    }

    /**
     * Makes this a called region even without parameters or a result (a {@code void f()}), so it
     * leaves through RETURN and never through the dispatcher.
     */
    public RegionBuilder called() {
        this.called = true;
        return this;
    }

    /**
     * Makes this a called region that may leave for the dispatcher like a dispatchable one: on
     * entry and at back-edges, when the instruction budget is used up or an interrupt is pending,
     * it yields (status {@code YIELDED}, the pc at the block's resume address), abandoning its
     * callers' activations. Only for machines whose callers keep all their state in guest state
     * and memory across a call (the p-machine's frames are in its store), so that the dispatcher
     * can carry on at that address; the entry block resumes at the entry address.
     */
    public RegionBuilder yielding() {
        this.called = true;
        this.yielding = true;
        return this;
    }

    /** Allocates a fresh temporary. */
    public Temp temp(Type type) {
        temps.add(type);
        return new Temp(temps.size() - 1, type);
    }

    /** Opens a new, empty block and returns its index (the current block is unchanged). */
    public int newBlock() {
        blocks.add(new BlockDraft());
        return blocks.size() - 1;
    }

    /** The number of blocks opened so far. */
    public int blockCount() {
        return blocks.size();
    }

    /** Continues appending to block {@code index}. */
    public RegionBuilder switchTo(int index) {
        current = blocks.get(index);
        return this;
    }

    public int currentBlock() {
        return blocks.indexOf(current);
    }

    /** True when the current block already ends in a terminator. */
    public boolean blockClosed() {
        return current.closed();
    }

    /** Lets the dispatcher re-enter the current block at guest address {@code pc}. */
    public RegionBuilder resumeAt(long pc) {
        current.resumePc = pc;
        return this;
    }

    /** Managed exceptions thrown in the current block go to block {@code handlerBlock}. */
    public RegionBuilder handler(int handlerBlock) {
        current.handler = handlerBlock;
        return this;
    }

    /** Records that guest code [start, end) was decoded into this region. */
    public RegionBuilder coverCode(long start, long end) {
        code.add(new CodeRange(start, end));
        return this;
    }

    // ---- values ----

    public Temp constant(Type type, long bits) {
        if (type == Type.REF) {
            throw new IllegalArgumentException("use constantRef for references");
        }
        Temp d = temp(type);
        emit(Op.CONST, type, d.index(), -1, -1, -1, type == Type.I32 ? (int) bits : bits, null);
        return d;
    }

    public Temp i32(int value) {
        return constant(Type.I32, value);
    }

    public Temp i64(long value) {
        return constant(Type.I64, value);
    }

    public Temp f64(double value) {
        return constant(Type.F64, Double.doubleToRawLongBits(value));
    }

    public Temp constantRef(Object value) {
        Temp d = temp(Type.REF);
        emit(Op.CONST, Type.REF, d.index(), -1, -1, -1, 0, value);
        return d;
    }

    public Temp mov(Temp a) {
        Temp d = temp(a.type());
        emit(Op.MOV, a.type(), d.index(), a.index(), -1, -1, 0, null);
        return d;
    }

    /** Copies {@code a} into the existing temporary {@code into} (for values merged across blocks). */
    public void assign(Temp into, Temp a) {
        same(into, a);
        emit(Op.MOV, a.type(), into.index(), a.index(), -1, -1, 0, null);
    }

    /** A two-operand op: arithmetic, bitwise, shifts (result of the operand type) or comparisons (I32). */
    public Temp binary(Op op, Temp a, Temp b) {
        Type result = switch (op) {
            case ADD, SUB, MUL, DIV, REM -> numeric(a, b);
            case DIVU, REMU, AND, OR, XOR, SHL, SHR, SAR -> integer(a, b);
            case EQ, NE -> { same(a, b); yield Type.I32; }
            case LT, LE -> { numeric(a, b); yield Type.I32; }
            case LTU, LEU -> { integer(a, b); yield Type.I32; }
            default -> throw new IllegalArgumentException(op + " is not a binary op");
        };
        Temp d = temp(result);
        emit(op, a.type(), d.index(), a.index(), b.index(), -1, 0, null);
        return d;
    }

    public Temp add(Temp a, Temp b) {
        return binary(Op.ADD, a, b);
    }

    public Temp sub(Temp a, Temp b) {
        return binary(Op.SUB, a, b);
    }

    public Temp mul(Temp a, Temp b) {
        return binary(Op.MUL, a, b);
    }

    public Temp and(Temp a, Temp b) {
        return binary(Op.AND, a, b);
    }

    /** NEG (numbers) or NOT (integers). */
    public Temp unary(Op op, Temp a) {
        if (op == Op.NOT ? !a.type().isInteger() : op != Op.NEG || a.type() == Type.REF) {
            throw new IllegalArgumentException(op + " does not apply to " + a.type());
        }
        Temp d = temp(a.type());
        emit(op, a.type(), d.index(), a.index(), -1, -1, 0, null);
        return d;
    }

    public Temp select(Temp condition, Temp ifTrue, Temp ifFalse) {
        want(condition, Type.I32);
        same(ifTrue, ifFalse);
        Temp d = temp(ifTrue.type());
        emit(Op.SELECT, ifTrue.type(), d.index(), ifTrue.index(), ifFalse.index(), condition.index(), 0, null);
        return d;
    }

    /** Sign-extends the low {@code bits} bits of an integer. */
    public Temp signExtend(Temp a, int bits) {
        return extend(Op.SEXT, a, bits);
    }

    /** Keeps the low {@code bits} bits of an integer, clearing the rest. */
    public Temp zeroExtend(Temp a, int bits) {
        return extend(Op.ZEXT, a, bits);
    }

    private Temp extend(Op op, Temp a, int bits) {
        int width = a.type() == Type.I32 ? 32 : 64;
        if (!a.type().isInteger() || bits < 1 || bits >= width) {
            throw new IllegalArgumentException(op + " of " + bits + " bits on " + a.type());
        }
        Temp d = temp(a.type());
        emit(op, a.type(), d.index(), a.index(), -1, -1, bits, null);
        return d;
    }

    /**
     * Converts between I32, I64 and F64: I32 to I64 sign-extends, integers to F64 round to nearest,
     * F64 to integers truncate toward zero saturating (NaN gives 0), I64 to I32 keeps the low bits.
     */
    public Temp convert(Temp a, Type to) {
        return convert(a, to, 0);
    }

    /** Zero-extends an I32 into an I64 (an unsigned 32-bit value widened). */
    public Temp convertUnsigned(Temp a) {
        want(a, Type.I32);
        return convert(a, Type.I64, 1);
    }

    private Temp convert(Temp a, Type to, long flags) {
        if (a.type() == Type.REF || to == Type.REF || a.type() == to) {
            throw new IllegalArgumentException("no conversion from " + a.type() + " to " + to);
        }
        Temp d = temp(to);
        emit(Op.CONVERT, to, d.index(), a.index(), -1, -1, flags, a.type());
        return d;
    }

    /** Reinterprets F64 as its I64 bits or I64 bits as F64. */
    public Temp bitcast(Temp a) {
        Type to = switch (a.type()) {
            case F64 -> Type.I64;
            case I64 -> Type.F64;
            default -> throw new IllegalArgumentException("bitcast of " + a.type());
        };
        Temp d = temp(to);
        emit(Op.BITCAST, to, d.index(), a.index(), -1, -1, 0, null);
        return d;
    }

    // ---- guest memory and state ----

    /** Loads {@code access} from the address {@code address} (I32 unsigned or I64) into a temp of {@code type}. */
    public Temp load(MemoryAccess access, Type type, Temp address) {
        address(address);
        if (type == Type.REF || (type == Type.F64 && access.bytes() != 8) || (type == Type.I32 && access.bytes() == 8)) {
            throw new IllegalArgumentException("cannot load " + access + " as " + type);
        }
        Temp d = temp(type);
        emit(Op.LOAD, type, d.index(), address.index(), -1, -1, 0, access);
        return d;
    }

    public void store(MemoryAccess access, Temp address, Temp value) {
        address(address);
        if (value.type() == Type.REF || (value.type() == Type.F64 && access.bytes() != 8)
                || (value.type() == Type.I32 && access.bytes() == 8)) {
            throw new IllegalArgumentException("cannot store " + value.type() + " as " + access);
        }
        emit(Op.STORE, value.type(), -1, address.index(), value.index(), -1, 0, access);
    }

    public Temp get(Slot slot) {
        Temp d = temp(slot.type());
        emit(Op.GET, slot.type(), d.index(), -1, -1, -1, slot.id(), slot);
        return d;
    }

    public void set(Slot slot, Temp value) {
        want(value, slot.type());
        emit(Op.SET, slot.type(), -1, value.index(), -1, -1, slot.id(), slot);
    }

    /** Calls a helper; returns its result temp, or null for a void helper. */
    public Temp helper(Helper helper, Temp... args) {
        if (args.length != helper.arity()) {
            throw new IllegalArgumentException(helper + " takes " + helper.arity() + " arguments, not " + args.length);
        }
        for (int i = 0; i < args.length; i++) {
            want(args[i], helper.parameterType(i));
        }
        Temp d = helper.returnType() == null ? null : temp(helper.returnType());
        emit(Op.HELPER, helper.returnType(), d == null ? -1 : d.index(), -1, -1, -1, 0, helper, indices(args));
        return d;
    }

    /** Marks the start of the guest instruction at {@code pc}. */
    public void insn(long pc) {
        guestInstructions++;
        emit(Op.INSN, null, -1, -1, -1, -1, pc, null);
    }

    // ---- managed values ----

    public Temp newObject(ManagedType type) {
        Temp d = temp(Type.REF);
        emit(Op.NEW, Type.REF, d.index(), -1, -1, -1, 0, type);
        return d;
    }

    public Temp getField(FieldRef field, Temp object) {
        want(object, Type.REF);
        Temp d = temp(field.type());
        emit(Op.GETFIELD, field.type(), d.index(), object.index(), -1, -1, 0, field);
        return d;
    }

    public void putField(FieldRef field, Temp object, Temp value) {
        want(object, Type.REF);
        want(value, field.type());
        emit(Op.PUTFIELD, field.type(), -1, object.index(), value.index(), -1, 0, field);
    }

    public Temp newArray(ArrayKind kind, Temp length) {
        want(length, Type.I32);
        Temp d = temp(Type.REF);
        emit(Op.NEWARRAY, Type.REF, d.index(), length.index(), -1, -1, 0, kind);
        return d;
    }

    public Temp arrayLoad(ArrayKind kind, Temp array, Temp index) {
        want(array, Type.REF);
        want(index, Type.I32);
        Temp d = temp(kind.elementType());
        emit(Op.ALOAD, kind.elementType(), d.index(), array.index(), index.index(), -1, 0, kind);
        return d;
    }

    public void arrayStore(ArrayKind kind, Temp array, Temp index, Temp value) {
        want(array, Type.REF);
        want(index, Type.I32);
        want(value, kind.elementType());
        emit(Op.ASTORE, kind.elementType(), -1, array.index(), index.index(), value.index(), 0, kind);
    }

    public Temp arrayLength(Temp array) {
        want(array, Type.REF);
        Temp d = temp(Type.I32);
        emit(Op.ALENGTH, Type.I32, d.index(), array.index(), -1, -1, 0, null);
        return d;
    }

    public Temp instanceOf(ManagedType type, Temp value) {
        want(value, Type.REF);
        Temp d = temp(Type.I32);
        emit(Op.INSTANCEOF, Type.REF, d.index(), value.index(), -1, -1, 0, type);
        return d;
    }

    /** The exception being handled; must open a handler block. */
    public Temp caught() {
        if (!current.insns.isEmpty()) {
            throw new IllegalStateException("caught() must be the first op of a handler block");
        }
        Temp d = temp(Type.REF);
        emit(Op.CAUGHT, Type.REF, d.index(), -1, -1, -1, 0, null);
        return d;
    }

    /** Calls another region; {@code result} is its return type or null. */
    public Temp call(CallTarget target, Type result, Temp... args) {
        Temp d = result == null ? null : temp(result);
        emit(Op.CALL, result, d == null ? -1 : d.index(), -1, -1, -1, 0, target, indices(args));
        return d;
    }

    // ---- terminators ----

    public void jump(int block) {
        emit(Op.JUMP, null, -1, -1, -1, -1, block, null);
    }

    public void branch(Temp condition, int ifTrue, int ifFalse) {
        want(condition, Type.I32);
        emit(Op.BRANCH, null, -1, condition.index(), -1, ifFalse, ifTrue, null);
    }

    /** Leaves for the dispatcher, continuing at {@code pc}; {@code exit} numbers the exit for chaining. */
    public void exit(Temp pc, int exit) {
        integer(pc, pc);
        if (exit < 0) {
            throw new IllegalArgumentException("exit numbers are >= 0");
        }
        emit(Op.EXIT, null, -1, pc.index(), -1, -1, exit, null);
    }

    /** Stops the machine with a machine-defined {@code code}; the pc slot is set to {@code pc}. */
    public void stop(Temp pc, int code) {
        integer(pc, pc);
        emit(Op.STOP, null, -1, pc.index(), -1, -1, code, null);
    }

    public void ret(Temp value) {
        if (returnType == null || value.type() != returnType) {
            throw new IllegalArgumentException("return of " + value.type() + " from a region returning " + returnType);
        }
        emit(Op.RETURN, value.type(), -1, value.index(), -1, -1, 0, null);
    }

    public void ret() {
        if (returnType != null) {
            throw new IllegalArgumentException("region must return " + returnType);
        }
        emit(Op.RETURN, null, -1, -1, -1, -1, 0, null);
    }

    public void throwRef(Temp exception) {
        want(exception, Type.REF);
        emit(Op.THROW, Type.REF, -1, exception.index(), -1, -1, 0, null);
    }

    // ---- building ----

    /** Finishes the region, checking that every block is terminated and every branch target valid. */
    public Region build() {
        List<Block> built = new ArrayList<>();
        boolean dispatchable = params == 0 && !called;
        boolean yields = dispatchable || yielding;
        if (yields && blocks.get(0).resumePc == Block.NOT_RESUMABLE) {
            blocks.get(0).resumePc = entryPc;
        }
        for (int i = 0; i < blocks.size(); i++) {
            BlockDraft d = blocks.get(i);
            if (!d.closed()) {
                throw new IllegalStateException(name + ": block b" + i + " has no terminator");
            }
            Insn t = d.insns.get(d.insns.size() - 1);
            switch (t.op) {
                case JUMP -> target(i, (int) t.imm, yields);
                case BRANCH -> {
                    target(i, (int) t.imm, yields);
                    target(i, t.c, yields);
                }
                default -> { }
            }
            if (d.handler >= blocks.size()) {
                throw new IllegalStateException(name + ": handler b" + d.handler + " does not exist");
            }
            built.add(new Block(i, d.insns, d.resumePc, d.handler));
        }
        return new Region(name, entryPc, temps, params, returnType, dispatchable, yields, built, code, guestInstructions);
    }

    private void target(int from, int to, boolean yields) {
        if (to < 0 || to >= blocks.size()) {
            throw new IllegalStateException(name + ": b" + from + " branches to missing block b" + to);
        }
        if (yields && to <= from && blocks.get(to).resumePc == Block.NOT_RESUMABLE) {
            throw new IllegalStateException(name + ": back-edge b" + from + " -> b" + to + " targets a block without a resume address");
        }
    }

    private void emit(Op op, Type type, int dst, int a, int b, int c, long imm, Object aux) {
        emit(op, type, dst, a, b, c, imm, aux, new int[0]);
    }

    private void emit(Op op, Type type, int dst, int a, int b, int c, long imm, Object aux, int[] args) {
        if (current.closed()) {
            throw new IllegalStateException(name + ": appending " + op + " after the block's terminator");
        }
        current.insns.add(new Insn(op, type, dst, a, b, c, imm, aux, args));
    }

    private static int[] indices(Temp[] args) {
        int[] r = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            r[i] = args[i].index();
        }
        return r;
    }

    private static void want(Temp t, Type type) {
        if (t.type() != type) {
            throw new IllegalArgumentException(t + " used where " + type + " is needed");
        }
    }

    private static void same(Temp a, Temp b) {
        if (a.type() != b.type()) {
            throw new IllegalArgumentException("mixed operand types " + a + " and " + b);
        }
    }

    private static Type numeric(Temp a, Temp b) {
        same(a, b);
        if (a.type() == Type.REF) {
            throw new IllegalArgumentException("arithmetic on reference " + a);
        }
        return a.type();
    }

    private static Type integer(Temp a, Temp b) {
        same(a, b);
        if (!a.type().isInteger()) {
            throw new IllegalArgumentException("integer op on " + a);
        }
        return a.type();
    }

    private static void address(Temp a) {
        if (!a.type().isInteger()) {
            throw new IllegalArgumentException("address must be an integer: " + a);
        }
    }
}
