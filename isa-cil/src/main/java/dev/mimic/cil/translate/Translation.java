package dev.mimic.cil.translate;

import dev.mimic.backend.exec.CallTarget;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.cil.assembly.Assembly;
import dev.mimic.cil.assembly.MethodDefinition;
import dev.mimic.cil.decode.CilInstruction;
import dev.mimic.cil.signature.TypeSig;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The state of translating one method body into a region, handed to each {@link CilSemantics}
 * method: the builder, the evaluation stack as IR temporaries, the argument and local temporaries,
 * and the map from IL offsets to blocks. Inside a block stack entries are fresh temporaries; at a
 * block boundary each entry is copied into the temporary owned by its depth and type, which is
 * where the successor block finds it (ECMA-335 III.1.7.5 fixes the stack shape at every join).
 */
public final class Translation {
    /** The region builder; semantics methods append to its current block. */
    public final RegionBuilder b;
    final Assembly assembly;
    final MethodDefinition method;
    final Temp[] args;
    final TypeSig[] argTypes;
    final Temp[] locals;
    final TypeSig[] localTypes;
    private final IntFunction<CallTarget> targets;
    private final Deque<Temp> stack = new ArrayDeque<>();
    private final Map<Integer, Integer> blocks = new HashMap<>();
    private final Map<Integer, List<Type>> entryShapes = new HashMap<>();
    private final Deque<Integer> pending = new ArrayDeque<>();
    private final Map<String, Temp> stackSlots = new HashMap<>();
    private int il;

    Translation(RegionBuilder b, Assembly assembly, MethodDefinition method, Temp[] args, TypeSig[] argTypes,
            Temp[] locals, TypeSig[] localTypes, IntFunction<CallTarget> targets) {
        this.b = b;
        this.assembly = assembly;
        this.method = method;
        this.args = args;
        this.argTypes = argTypes;
        this.locals = locals;
        this.localTypes = localTypes;
        this.targets = targets;
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

    /** The call target of MethodDef {@code row}, translated before the region first runs. */
    public CallTarget target(int row) {
        return targets.apply(row);
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

    /** Marks the instruction being translated, for error messages. */
    void at(int offset) {
        il = offset;
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
        return "%s: MethodDef row %d (%s) IL_%04x".formatted(assembly.file(), method.row(), method.name(), il);
    }

    /** Ends the block with a branch to IL offset {@code taken} or, if not taken, to IR block {@code next}. */
    public void branchToBlock(Temp condition, int taken, int next) {
        b.branch(condition, blockAt(taken), next);
    }

    /** The IR block for IL offset {@code il}, spilling the current stack into its entry slots. */
    int blockAt(int target) {
        List<Type> shape = stack.reversed().stream().map(Temp::type).toList();
        List<Type> known = entryShapes.putIfAbsent(target, shape);
        if (known != null && !known.equals(shape)) {
            throw invalid("stack shape %s at IL_%04x differs from %s".formatted(shape, target, known));
        }
        List<Temp> values = new ArrayList<>(stack.reversed());
        for (int depth = 0; depth < values.size(); depth++) {
            b.assign(stackSlot(depth, shape.get(depth)), values.get(depth));
        }
        return blocks.computeIfAbsent(target, k -> {
            pending.add(k);
            return b.newBlock();
        });
    }

    /** Starts translating the block at IL offset {@code il}: its stack is the entry slots. */
    void enter(int start) {
        b.switchTo(blocks.get(start));
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
