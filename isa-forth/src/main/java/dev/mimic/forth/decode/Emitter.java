package dev.mimic.forth.decode;

import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.ir.MemoryAccess;
import dev.mimic.backend.ir.Op;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.forth.layout.Registers;

/**
 * What a {@link Primitives} method sees while it emits one instruction's IR: the three stacks (kept
 * in temporaries, see {@link StackCache}), the instruction's operands, and the few ways control can
 * leave straight-line code. The shared shapes (binary operators, comparisons, helper calls) live
 * here so that each primitive's method is one or two lines.
 *
 * <p>An instruction runs either in a thread (it continues with the next cell, and a call pushes that
 * cell as the return address) or on its own from EXECUTE ({@code pc = xt | 1}; the return address is
 * already on the return stack, so a call is a tail call and a plain primitive returns afterwards).
 */
public final class Emitter {
    /** The region builder, for primitives that need an op the shapes do not cover. */
    final RegionBuilder b;
    final StackCache data;
    final StackCache returns;
    final StackCache floats;
    private final ThreadDecoder.Plan plan;
    private long address;
    private long xt;
    private long next;
    private boolean executing;
    private long[] operands;

    Emitter(RegionBuilder b, StackCache data, StackCache returns, StackCache floats, ThreadDecoder.Plan plan) {
        this.b = b;
        this.data = data;
        this.returns = returns;
        this.floats = floats;
        this.plan = plan;
    }

    /** Sets the instruction about to be emitted. */
    void at(long address, long xt, long next, boolean executing, long[] operands) {
        this.address = address;
        this.xt = xt;
        this.next = next;
        this.executing = executing;
        this.operands = operands;
    }

    // ---- the instruction ----

    /** The word being executed (for code field kinds: the defined word). */
    long xt() {
        return xt;
    }

    /** The thread cell after the instruction and its operands. */
    long next() {
        return next;
    }

    /** Inline operand {@code i} (a cell, an address or a float's bits; for strings: their address). */
    long operand(int i) {
        return operands[i];
    }

    /** A cell of guest memory read now, at decode time (code field cells, which the region covers). */
    long cellAt(long at) {
        return plan.memory().load64(at);
    }

    // ---- values ----

    Temp cell(long value) {
        return b.i64(value);
    }

    /** A Forth flag (-1 or 0) from an I32 condition. */
    Temp flag(Temp condition) {
        return b.unary(Op.NEG, b.convert(condition, Type.I64));
    }

    Temp fetch(Temp address) {
        return b.load(MemoryAccess.W64, Type.I64, address);
    }

    Temp plus(Temp a, long n) {
        return n == 0 ? a : b.add(a, cell(n));
    }

    // ---- stacks ----

    Temp pop() {
        return data.pop();
    }

    void push(Temp value) {
        data.push(value);
    }

    Temp peek(int k) {
        return data.peek(k);
    }

    Temp rpop() {
        return returns.pop();
    }

    void rpush(Temp value) {
        returns.push(value);
    }

    Temp rpeek(int k) {
        return returns.peek(k);
    }

    Temp fpop() {
        return floats.pop();
    }

    void fpush(Temp value) {
        floats.push(value);
    }

    Temp fpeek(int k) {
        return floats.peek(k);
    }

    // ---- shapes ----

    /** ( a b -- a op b ) */
    void binary(Op op) {
        Temp y = pop();
        push(b.binary(op, pop(), y));
    }

    /** ( a b -- flag ): a op b as a Forth flag. */
    void compare(Op op) {
        Temp y = pop();
        push(flag(b.binary(op, pop(), y)));
    }

    /** ( a b -- flag ): b op a, for the comparisons written the other way round (&gt;, u&gt;). */
    void compareSwapped(Op op) {
        Temp y = pop();
        push(flag(b.binary(op, y, pop())));
    }

    /** F: ( r1 r2 -- r1 op r2 ) */
    void fbinary(Op op) {
        Temp y = fpop();
        fpush(b.binary(op, fpop(), y));
    }

    /** F: ( r1 -- helper(r1) ) */
    void funary(Helper h) {
        fpush(b.helper(h, fpop()));
    }

    /** F: ( r1 r2 -- helper(r1, r2) ) */
    void fbinary(Helper h) {
        Temp y = fpop();
        fpush(b.helper(h, fpop(), y));
    }

    /** ( F: r1 r2 -- ) ( -- flag ): r1 op r2. */
    void fcompare(Op op) {
        Temp y = fpop();
        push(flag(b.binary(op, fpop(), y)));
    }

    /** Calls a helper with {@code args} and pushes its result, if any, on the data stack. */
    void call(Helper h, Temp... args) {
        Temp result = b.helper(h, args);
        if (result != null) {
            push(result);
        }
    }

    /** Pops the helper's arguments from the data stack (last argument on top) and calls it. */
    void callPopping(Helper h) {
        Temp[] args = new Temp[h.arity()];
        for (int i = args.length - 1; i >= 0; i--) {
            args[i] = pop();
        }
        call(h, args);
    }

    /**
     * Calls a helper that works on the stacks in memory itself: everything held in temporaries is
     * written out first and read again afterwards.
     */
    void stackHelper(Helper h) {
        syncAll();
        b.helper(h);
        forgetStacks();
    }

    // ---- control ----

    /** Writes all three stacks out; the return stack first, so deep recursion reports -5 as in gforth. */
    void syncAll() {
        returns.sync();
        data.sync();
        floats.sync();
    }

    /** What the three stack caches know now (data, return, float), to emit two paths from it. */
    StackCache.Snapshot[] snapshot() {
        return new StackCache.Snapshot[] {data.snapshot(), returns.snapshot(), floats.snapshot()};
    }

    void restore(StackCache.Snapshot[] s) {
        data.restore(s[0]);
        returns.restore(s[1]);
        floats.restore(s[2]);
    }

    /** Fresh temporaries for the stack entries held now, as the entry of a block an edge goes to. */
    ThreadDecoder.StackEntry entryTemps() {
        return new ThreadDecoder.StackEntry(data.entryTemps(), returns.entryTemps(), floats.entryTemps());
    }

    /** Continues at thread cell {@code target}. */
    void jump(long target) {
        plan.goTo(target);
    }

    /**
     * Continues at {@code ifTrue} when {@code condition} (I32) holds, else at {@code ifFalse}; the
     * edge actions (may be null) adjust the stacks on their edge only.
     */
    void branch(Temp condition, long ifTrue, Runnable onTrue, long ifFalse, Runnable onFalse) {
        if (!plan.keepsStacksAcrossBlocks()) {
            syncAll();
        }
        StackCache.Snapshot[] atBranch = snapshot();
        int taken = b.newBlock();
        int other = b.newBlock();
        b.branch(condition, taken, other);
        edge(taken, ifTrue, onTrue, atBranch);
        edge(other, ifFalse, onFalse, atBranch);
    }

    private void edge(int block, long target, Runnable action, StackCache.Snapshot[] atBranch) {
        b.switchTo(block);
        restore(atBranch);
        if (action != null) {
            action.run();
        }
        plan.goTo(target);
    }

    /** Returns from the colon definition: continues at the address popped from the return stack. */
    void ret() {
        Temp target = rpop();
        syncAll();
        plan.ret(target);
    }

    /**
     * Calls the thread at {@code target}: pushes the return address and goes there. Executing on its
     * own (the return address is already pushed), it is a tail jump.
     */
    void call(long target) {
        if (!executing) {
            rpush(cell(next));
        }
        syncAll();
        if (executing || !plan.calls()) {
            plan.exit(cell(target));
        } else {
            plan.callAndContinue(target, next);
        }
    }

    /** Forgets what the stack caches knew: a call changed the stacks in memory. */
    void forgetStacks() {
        data.forget();
        returns.forget();
        floats.forget();
    }

    /** Executes the word {@code xt} computed at run time, returning here. */
    void execute(Temp xt) {
        if (!executing) {
            rpush(cell(next));
        }
        syncAll();
        plan.exit(b.binary(Op.OR, xt, cell(Registers.EXECUTE_TAG)));
    }

    /** Hands the machine back to the host with a stop code; the pc is the next cell. */
    void stop(int code) {
        syncAll();
        b.stop(cell(next), code);
    }

    /** True when the instruction already left the block (a jump, branch, call or stop). */
    boolean closed() {
        return b.blockClosed();
    }

    long address() {
        return address;
    }
}
