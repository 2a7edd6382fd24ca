package dev.mimic.cil.translate;

import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.cil.assembly.Assembly;
import dev.mimic.cil.body.ExceptionClause;
import dev.mimic.cil.decode.CilInstruction;
import dev.mimic.cil.metadata.Token;
import dev.mimic.cil.model.FieldSlot;
import dev.mimic.cil.model.GenericContext;
import dev.mimic.cil.model.RuntimeMethod;
import dev.mimic.cil.model.RuntimeType;
import dev.mimic.cil.model.TypeSystem;
import dev.mimic.cil.runtime.CilRuntime;
import dev.mimic.cil.runtime.ManagedOps;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of translating one method body into a region, handed to each {@link CilSemantics}
 * method: the builder, the evaluation stack as IR temporaries, the argument and local temporaries,
 * the map from IL offsets to blocks and the method's protected ranges. Inside a block stack entries
 * are fresh temporaries; at a block boundary each entry is copied into the temporary owned by its
 * depth and type, which is where the successor block finds it (III.1.7.5 fixes the stack shape at
 * every join). Arguments and locals whose address is taken live in one-element arrays ("cells").
 */
public final class Translation {
    /** The region builder; semantics methods append to its current block. */
    public final RegionBuilder b;
    final TypeSystem types;
    final CilRuntime runtime;
    final RuntimeMethod method;
    final Assembly assembly;
    final GenericContext context;
    final Temp[] args;
    final RuntimeType[] argTypes;
    final Temp[] locals;
    final RuntimeType[] localTypes;
    final boolean[] argCells;
    final boolean[] localCells;
    /** The pinned locals (II.7.1.2): storing into one pins the new object and unpins the old. */
    final boolean[] pinned;
    /** A vararg method's argument list handle, its last IR parameter (III.3.4); null otherwise. */
    Temp argumentList;
    /** The local stack's top on entry, restored on return, in a method that calls {@code localloc}. */
    Temp localMark;
    final Protection protection;
    /** The type named by a {@code constrained.} prefix, for the {@code callvirt} that follows (III.2.1). */
    RuntimeType constrained;
    private final Deque<Temp> stack = new ArrayDeque<>();
    private final Map<Integer, Integer> blocks = new HashMap<>();
    private final Map<Integer, List<Type>> entryShapes = new HashMap<>();
    private final Deque<Integer> pending = new ArrayDeque<>();
    private final Map<String, Temp> stackSlots = new HashMap<>();
    private final Map<String, Helper> helpers = new HashMap<>();
    private int il;
    private int handler = -1;

    Translation(RegionBuilder b, CilRuntime runtime, RuntimeMethod method, Temp[] args, RuntimeType[] argTypes,
            boolean[] argCells, Temp[] locals, RuntimeType[] localTypes, boolean[] localCells, boolean[] pinned,
            Protection protection) {
        this.b = b;
        this.runtime = runtime;
        this.types = runtime.types();
        this.method = method;
        this.assembly = method.owner().assembly();
        this.context = method.context();
        this.args = args;
        this.argTypes = argTypes;
        this.argCells = argCells;
        this.locals = locals;
        this.localTypes = localTypes;
        this.localCells = localCells;
        this.pinned = pinned;
        this.protection = protection;
    }

    /** The evaluation stack now, its bottom first. */
    List<Temp> stackFromBottom() {
        return List.copyOf(stack.reversed());
    }

    public void push(Temp value) {
        stack.push(value);
    }

    /** Pops the top of the stack; an empty stack is invalid IL (III.1.7.5). */
    public Temp pop() {
        if (stack.isEmpty()) {
            throw invalid("stack underflow");
        }
        return stack.pop();
    }

    public Temp peek() {
        if (stack.isEmpty()) {
            throw invalid("stack underflow");
        }
        return stack.peek();
    }

    /** Empties the evaluation stack ({@code leave}, III.3.46). */
    void clearStack() {
        stack.clear();
    }

    /** Calls {@link ManagedOps} routine {@code name}. */
    Temp op(String name, Temp... arguments) {
        Helper h = helpers.computeIfAbsent(name, n -> Helper.of(ManagedOps.class, n,
                dev.mimic.backend.ir.Effect.values()));
        return b.helper(h, arguments);
    }

    /** The type a type token names, in this method's generic context. */
    RuntimeType type(Token token) {
        return types.resolve(assembly, token, context);
    }

    RuntimeMethod methodOf(Token token) {
        return types.resolveMethod(assembly, token, context);
    }

    FieldSlot field(Token token) {
        return types.resolveField(assembly, token, context);
    }

    /** Ends the block by jumping to the block at IL offset {@code target}, carrying the stack there. */
    public void jumpTo(int target) {
        int block = blockAt(target);
        b.jump(block);
    }

    /** Ends the block with a two-way branch on {@code condition} (I32, non-zero = taken). */
    public void branchTo(Temp condition, int taken, int fallThrough) {
        int takenBlock = blockAt(taken);
        int fallBlock = blockAt(fallThrough);
        b.branch(condition, takenBlock, fallBlock);
    }

    /** Ends the block with a branch to IL offset {@code taken} or, if not taken, to IR block {@code next}. */
    public void branchToBlock(Temp condition, int taken, int next) {
        b.branch(condition, blockAt(taken), next);
    }

    /** Continues in IR block {@code block}, which belongs to the current instruction (same handler). */
    public void switchTo(int block) {
        b.switchTo(block);
        if (handler >= 0) {
            b.handler(handler);
        }
    }

    /** Marks the instruction being translated, for error messages. */
    void at(int offset) {
        il = offset;
    }

    int offset() {
        return il;
    }

    /** Invalid IL at the current instruction. */
    public InvalidProgramException invalid(String detail) {
        return new InvalidProgramException(where() + ": " + detail);
    }

    /** A form of the current instruction the translator does not implement yet. */
    public UnsupportedInstructionException unsupported(String detail) {
        return new UnsupportedInstructionException(where() + ": " + detail);
    }

    private String where() {
        return "%s: %s IL_%04x".formatted(assembly.file(), method.key(), il);
    }

    /**
     * The IR block for IL offset {@code target}, spilling the current stack into its entry slots.
     * Where paths meet with a pointer as a managed pointer on one and a native int on the other
     * ({@code fixed} joins a null address with an element's), it takes the first path's form.
     */
    int blockAt(int target) {
        List<Type> shape = stack.reversed().stream().map(Temp::type).toList();
        List<Type> known = entryShapes.putIfAbsent(target, shape);
        List<Temp> values = new ArrayList<>(stack.reversed());
        if (known != null && !known.equals(shape)) {
            if (known.size() != shape.size()) {
                throw invalid("stack shape %s at IL_%04x differs from %s".formatted(shape, target, known));
            }
            for (int depth = 0; depth < values.size(); depth++) {
                values.set(depth, Types.coerce(this, values.get(depth), known.get(depth)));
            }
            shape = known;
        }
        for (int depth = 0; depth < values.size(); depth++) {
            b.assign(stackSlot(depth, shape.get(depth)), values.get(depth));
        }
        return blocks.computeIfAbsent(target, k -> {
            pending.add(k);
            return b.newBlock();
        });
    }

    /** Starts translating the block at IL offset {@code start}: its stack is the entry slots. */
    void enter(int start) {
        handler = dispatchFor(protection.innermost(start, null));
        switchTo(blocks.get(start));
        stack.clear();
        List<Type> shape = entryShapes.get(start);
        for (int depth = 0; depth < shape.size(); depth++) {
            stack.push(stackSlot(depth, shape.get(depth)));
        }
    }

    /** The next block still to translate, or -1. */
    int nextPending() {
        return pending.isEmpty() ? -1 : pending.poll();
    }

    private Temp stackSlot(int depth, Type type) {
        return stackSlots.computeIfAbsent(depth + ":" + type, k -> b.temp(type));
    }

    /**
     * The block where exceptions raised inside {@code range} land (built on first use): it tries the
     * range's clauses in order (II.19: the first matching catch or accepting filter runs; finally and
     * fault handlers run and rethrow), and rethrows to the enclosing range when none matches.
     */
    int dispatchFor(Protection.Try range) {
        if (range == null) {
            return -1;
        }
        if (range.dispatch >= 0) {
            return range.dispatch;
        }
        int savedBlock = b.currentBlock();
        int savedHandler = handler;
        List<Temp> savedStack = new ArrayList<>(stack);
        range.dispatch = b.newBlock();
        int outer = dispatchFor(protection.innermost(range.start, range));
        handler = outer;
        switchTo(range.dispatch);
        Temp exception = b.caught();
        for (Protection.Clause c : range.clauses) {
            ExceptionClause clause = c.clause;
            c.exception = c.exception == null ? b.temp(Type.REF) : c.exception;
            b.assign(c.exception, exception);
            int next = b.newBlock();
            switch (clause.kind()) {
                case CATCH -> {
                    RuntimeType caught = types.resolve(assembly, clause.catchType(), context);
                    Temp matches = op("isInstance", exception, b.constantRef(caught));
                    int enter = b.newBlock();
                    b.branch(matches, enter, next);
                    switchTo(enter);
                    stack.clear();
                    stack.push(c.exception);
                    jumpTo(clause.handlerOffset());
                }
                case FILTER -> {
                    c.declined = next;
                    stack.clear();
                    stack.push(c.exception);
                    jumpTo(clause.filterOffset());
                }
                case FINALLY, FAULT -> {
                    b.assign(continuation(c), b.i32(0));
                    stack.clear();
                    jumpTo(clause.handlerOffset());
                }
            }
            switchTo(next);
        }
        b.throwRef(op("resumeUnwinding", exception));
        handler = savedHandler;
        b.switchTo(savedBlock);
        stack.clear();
        for (int i = savedStack.size() - 1; i >= 0; i--) {
            stack.push(savedStack.get(i));
        }
        return range.dispatch;
    }

    /** The continuation variable of a finally or fault clause. */
    Temp continuation(Protection.Clause c) {
        if (c.continuation == null) {
            c.continuation = b.temp(Type.I32);
        }
        return c.continuation;
    }

    /** The block where {@code endfinally} of clause {@code c} goes; filled in by {@link #finishHandlers}. */
    int endBlock(Protection.Clause c) {
        if (c.endBlock < 0) {
            c.endBlock = b.newBlock();
        }
        return c.endBlock;
    }

    /** Completes every endfinally dispatch: jump to the recorded leave continuation, or rethrow. */
    void finishHandlers() {
        for (Protection.Try range : protection.tries) {
            for (Protection.Clause c : range.clauses) {
                if (c.endBlock < 0) {
                    continue;
                }
                handler = dispatchFor(protection.innermost(c.clause.handlerOffset(), null));
                switchTo(c.endBlock);
                Temp k = continuation(c);
                for (int n = 1; n < c.continuations.size(); n++) {
                    int next = b.newBlock();
                    b.branch(b.binary(dev.mimic.backend.ir.Op.EQ, k, b.i32(n)), c.continuations.get(n), next);
                    switchTo(next);
                }
                if (c.exception == null) {
                    c.exception = b.temp(Type.REF);
                }
                b.throwRef(op("resumeUnwinding", c.exception));
            }
        }
    }

    /** The integer operand of {@code insn}, or the one its short encoding implies ({@code implicit} in cil.isa). */
    static int operandOf(CilInstruction insn) {
        var implicit = insn.opcode().spec().entry("implicit");
        if (implicit.isEmpty()) {
            return insn.intValue();
        }
        return switch (implicit.get(0)) {
            case dev.mimic.specs.model.Value.Int i -> (int) i.value();
            case dev.mimic.specs.model.Value.Text s -> Integer.parseInt(s.text());
            default -> throw new IllegalStateException("cil.isa: bad implicit value of " + insn.opcode().name());
        };
    }
}
