package dev.mimic.forth.runtime;

import dev.mimic.backend.ir.Effect;
import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.backend.state.GuestState;
import dev.mimic.forth.exception.ForthError;
import dev.mimic.forth.exception.ThrowCode;
import dev.mimic.forth.layout.MemoryMap;
import dev.mimic.forth.layout.Registers;

import static dev.mimic.forth.layout.MemoryMap.CELL;

/**
 * The host's access to the three Forth stacks in guest memory, for helpers that take their
 * arguments from the stacks and for the host pushing arguments before a call. Compiled code keeps
 * stack tops in temporaries; it writes them out before calling any helper that uses this class.
 */
public final class Stacks {
    /** Thrown by compiled code when a stack pointer leaves its stack: (which stack, the pointer). */
    public static final Helper FAULT = Helper.of(Stacks.class, "outOfRange", Effect.MAY_FAULT);

    private final GuestState state;
    private final GuestMemory memory;

    public Stacks(GuestState state, GuestMemory memory) {
        this.state = state;
        this.memory = memory;
    }

    /**
     * Raises the overflow or underflow exception of stack {@code which} (0 data, 1 return, 2 float)
     * for a pointer outside it.
     */
    public static void outOfRange(int which, long pointer) {
        long limit = switch (which) {
            case 0 -> MemoryMap.DATA_STACK_LIMIT;
            case 1 -> MemoryMap.RETURN_STACK_LIMIT;
            default -> MemoryMap.FLOAT_STACK_LIMIT;
        };
        boolean over = pointer < limit;
        throw new ForthError(switch (which) {
            case 0 -> over ? ThrowCode.STACK_OVERFLOW : ThrowCode.STACK_UNDERFLOW;
            case 1 -> over ? ThrowCode.RETURN_STACK_OVERFLOW : ThrowCode.RETURN_STACK_UNDERFLOW;
            default -> over ? ThrowCode.FLOAT_STACK_OVERFLOW : ThrowCode.FLOAT_STACK_UNDERFLOW;
        });
    }

    public long pop() {
        long sp = state.get(Registers.SP);
        long value = memory.load64(sp);
        state.set(Registers.SP, sp + CELL);
        return value;
    }

    public void push(long value) {
        long sp = state.get(Registers.SP) - CELL;
        if (sp < MemoryMap.DATA_STACK_LIMIT) {
            throw new ForthError(ThrowCode.STACK_OVERFLOW);
        }
        memory.store64(sp, value);
        state.set(Registers.SP, sp);
    }

    /** Entry {@code k} of the data stack (0 is the top). */
    public long peek(int k) {
        return memory.load64(state.get(Registers.SP) + (long) k * CELL);
    }

    public int depth() {
        return (int) ((MemoryMap.S0 - state.get(Registers.SP)) / CELL);
    }

    public double fpop() {
        long fp = state.get(Registers.FP);
        double value = Double.longBitsToDouble(memory.load64(fp));
        state.set(Registers.FP, fp + CELL);
        return value;
    }

    public void fpush(double value) {
        long fp = state.get(Registers.FP) - CELL;
        if (fp < MemoryMap.FLOAT_STACK_LIMIT) {
            throw new ForthError(ThrowCode.FLOAT_STACK_OVERFLOW);
        }
        memory.store64(fp, Double.doubleToRawLongBits(value));
        state.set(Registers.FP, fp);
    }

    public int fdepth() {
        return (int) ((MemoryMap.F0 - state.get(Registers.FP)) / CELL);
    }

    public void rpush(long value) {
        long rp = state.get(Registers.RP) - CELL;
        if (rp < MemoryMap.RETURN_STACK_LIMIT) {
            throw new ForthError(ThrowCode.RETURN_STACK_OVERFLOW);
        }
        memory.store64(rp, value);
        state.set(Registers.RP, rp);
    }

    /** A flag as Forth wants it: -1 or 0. */
    public static long flag(boolean b) {
        return b ? -1 : 0;
    }

    /** Empties all three stacks (after an error at the top level, and at reset). */
    public void clear() {
        state.set(Registers.SP, MemoryMap.S0);
        state.set(Registers.RP, MemoryMap.R0);
        state.set(Registers.FP, MemoryMap.F0);
    }
}
