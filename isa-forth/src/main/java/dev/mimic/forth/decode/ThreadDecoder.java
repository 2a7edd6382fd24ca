package dev.mimic.forth.decode;

import dev.mimic.backend.exec.DecodeRequest;
import dev.mimic.backend.exec.Engine;
import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.ir.Op;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.forth.decode.PrimitiveTable.Primitive;
import dev.mimic.forth.exception.ForthError;
import dev.mimic.forth.exception.ThrowCode;
import dev.mimic.forth.layout.MemoryMap;
import dev.mimic.forth.layout.Registers;
import dev.mimic.forth.runtime.Stacks;
import dev.mimic.specs.coverage.DecodeRecorder;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.mimic.forth.layout.MemoryMap.CELL;

/**
 * Decodes threaded code into IR regions. A region starts at a thread cell and takes in everything
 * reachable from it without leaving the definition: straight-line cells, both ways of every branch,
 * loops (whose back-edges become IR loops, resumable at their head), and the cells after calls. A
 * call to a colon definition or a DOES&gt; word is an IR CALL of the callee's own region (see
 * {@link CallTargets}), which returns the address its EXIT popped: when that is the cell after the
 * call, the caller goes on in-region, otherwise (THROW, R&gt; tricks) it leaves for the dispatcher
 * there. EXECUTE and deferred words leave through the dispatcher, which chains the regions. Without
 * calls (single-stepping, breakpoints set, deep recursion) a call pushes the return address and
 * leaves for the callee, and EXIT leaves for the address it pops; both forms keep the return stack
 * in memory exactly as the threaded code says, so they mix freely.
 *
 * <p>Decoding is two passes: a scan finds the instructions of the region and its basic-block
 * leaders (branch targets and the cells after conditional branches); then each leader's block is
 * emitted with the stacks held in temporaries. In a dispatchable region they are synchronised at
 * the block's end, so every leader is a place the dispatcher can resume at; a called region is
 * entered only at its start, so its edges pass the top stack entries on in temporaries (a DO loop's
 * index and limit, the values a loop works on) and memory sees them only on the way out: at calls,
 * helpers, exits and returns. A region records the thread cells it read and the code
 * fields of the words they name, so a write to either (a redefinition, DOES&gt;) drops it.
 */
public final class ThreadDecoder {
    /** The machine's name in the spec coverage record. */
    public static final String ISA = "forth";
    private static final int DATA = 0;
    private static final int RETURN = 1;
    private static final int FLOAT = 2;

    private final GuestMemory memory;
    private final PrimitiveTable table = PrimitiveTable.get();
    private CallTargets calls;

    public ThreadDecoder(GuestMemory memory) {
        this.memory = memory;
    }

    /** Where calls go when they are IR CALLs (without these, every call goes through the dispatcher). */
    public void setCallTargets(CallTargets targets) {
        this.calls = targets;
    }

    /** One decoded instruction: the thread cell, the word it names, and its inline operands. */
    record Fetched(long address, long xt, Primitive primitive, long next, long[] operands) {
    }

    /**
     * Decodes the dispatchable region at {@code pc}: a thread cell, or {@code xt | 1} to execute a
     * single word. Calls are IR CALLs when {@code calls} holds (and targets are set).
     *
     * @throws GuestFault when the first instruction cannot be fetched or names no word
     */
    public Region decode(long pc, DecodeRequest request, boolean calls) {
        if (Registers.isExecute(pc)) {
            return decodeExecute(pc);
        }
        RegionBuilder b = new RegionBuilder("forth@" + Long.toHexString(pc), pc);
        return decodeThread(pc, request, new Plan(b, true, calls && this.calls != null));
    }

    /** Decodes the thread at {@code body} as a called region: it returns the address its EXIT pops. */
    Region decodeCalled(long body) {
        RegionBuilder b = new RegionBuilder("forth call@" + Long.toHexString(body), body).returns(Type.I64);
        return decodeThread(body, new DecodeRequest(Engine.MAX_REGION_INSTRUCTIONS, at -> false), new Plan(b, false, true));
    }

    private Region decodeThread(long pc, DecodeRequest request, Plan plan) {
        Map<Long, Fetched> found = new LinkedHashMap<>();
        List<Long> leaders = scan(pc, request, found, plan.calls);
        RegionBuilder b = plan.b;
        for (long leader : leaders) {
            plan.blocks.put(leader, plan.blocks.isEmpty() && plan.dispatchable ? 0 : b.newBlock());
        }
        if (plan.dispatchable && plan.calls) {
            b.set(Registers.NEST, b.i64(0));
        }
        if (!plan.dispatchable) {
            // A block before the first leader's, which may be a loop head: the countdown starts once.
            b.assign(plan.polls, b.i32(POLL_BACK_EDGES));
            b.jump(plan.blocks.get(pc));
        }
        Emitter e = plan.emitter;
        for (long leader : leaders) {
            b.switchTo(plan.blocks.get(leader));
            if (leader != pc && plan.dispatchable) {
                b.resumeAt(leader);
            }
            plan.enter(leader);
            for (long at = leader; ; ) {
                Fetched f = found.get(at);
                emit(e, f, false);
                if (e.closed()) {
                    break;
                }
                at = f.next();
                if (plan.blocks.containsKey(at) || !found.containsKey(at)) {
                    plan.goTo(at);
                    break;
                }
            }
        }
        return b.build();
    }

    /**
     * Finds the instructions of the region at {@code pc} (in {@code found}) and returns its block
     * leaders, {@code pc} first. Instructions the request excludes (over budget, breakpoints) and
     * cells that do not decode are left out; control reaching them leaves the region.
     */
    private List<Long> scan(long pc, DecodeRequest request, Map<Long, Fetched> found, boolean calls) {
        List<Long> leaders = new ArrayList<>();
        leaders.add(pc);
        Deque<Long> work = new ArrayDeque<>();
        work.add(pc);
        while (!work.isEmpty()) {
            long at = work.poll();
            while (!found.containsKey(at) && !request.mustStopBefore(at, found.size())) {
                Fetched f;
                try {
                    f = fetch(at);
                } catch (GuestFault invalid) {
                    if (at == pc) {
                        throw invalid;
                    }
                    break;
                }
                found.put(at, f);
                PrimitiveTable.Flow flow = f.primitive().flow();
                if (flow == PrimitiveTable.Flow.STRAIGHT || (calls && flow == PrimitiveTable.Flow.CALL)) {
                    at = f.next();
                    if ((flow == PrimitiveTable.Flow.CALL || found.containsKey(at)) && !leaders.contains(at)) {
                        leaders.add(at);
                    }
                    continue;
                }
                if (flow == PrimitiveTable.Flow.JUMP || flow == PrimitiveTable.Flow.BRANCH || flow == PrimitiveTable.Flow.LOOP) {
                    long target = f.operands()[0];
                    addLeader(leaders, work, target);
                    if (flow != PrimitiveTable.Flow.JUMP) {
                        addLeader(leaders, work, f.next());
                    }
                }
                break;
            }
        }
        leaders.removeIf(l -> !found.containsKey(l));
        return leaders;
    }

    private static void addLeader(List<Long> leaders, Deque<Long> work, long at) {
        if (!leaders.contains(at)) {
            leaders.add(at);
            work.add(at);
        }
    }

    private Region decodeExecute(long pc) {
        long xt = pc & ~Registers.EXECUTE_TAG;
        Primitive p = word(xt);
        if (!p.isKind() && (p.compileOnly() || !p.operands().isEmpty())) {
            throw new ForthError(ThrowCode.UNSUPPORTED, p.displayName() + " cannot be executed on its own");
        }
        RegionBuilder b = new RegionBuilder("forth@" + Long.toHexString(pc), pc);
        Plan plan = new Plan(b, true, false);
        emit(plan.emitter, new Fetched(pc, xt, p, pc, new long[0]), true);
        if (!plan.emitter.closed()) {
            plan.emitter.ret();
        }
        return b.build();
    }

    private void emit(Emitter e, Fetched f, boolean executing) {
        RegionBuilder b = e.b;
        b.insn(f.address());
        if (!executing) {
            b.coverCode(f.address(), f.next());
        }
        b.coverCode(f.xt(), f.xt() + 2 * CELL);
        DecodeRecorder.record(ISA, f.primitive().name());
        e.at(f.address(), f.xt(), f.next(), executing, f.operands());
        if (!Primitives.emit(f.primitive().emitter(), e)) {
            throw new IllegalStateException("Primitives has no emitter " + f.primitive().emitter());
        }
    }

    /** Reads the instruction at thread cell {@code at}. */
    Fetched fetch(long at) {
        long xt = memory.load64(at);
        Primitive p = word(xt);
        if (p.isKind()) {
            return new Fetched(at, xt, p, at + CELL, new long[0]);
        }
        long[] operands = new long[p.operands().size()];
        long operand = at + CELL;
        for (int i = 0; i < operands.length; i++) {
            operands[i] = switch (p.operands().get(i)) {
                case CELL, FLOAT, ADDR -> memory.load64(operand);
                case STRING -> operand;
                case COUNTED -> operand;
            };
        }
        return new Fetched(at, xt, p, at + p.size(memory, at), operands);
    }

    /** The instruction a word's code field names; a cell that is no xt is an invalid address (-9). */
    Primitive word(long xt) {
        if ((xt & (CELL - 1)) != 0 || xt < MemoryMap.SYSTEM || xt > memory.size() - 2 * CELL) {
            throw new ForthError(ThrowCode.INVALID_MEMORY, "0x" + Long.toHexString(xt) + " is not an execution token");
        }
        Primitive p = table.byOpcode(memory.load64(xt));
        if (p == null) {
            throw new ForthError(ThrowCode.INVALID_MEMORY, "0x" + Long.toHexString(xt) + " is not an execution token");
        }
        return p;
    }

    /** The region being built: its kind, its blocks by leader address, its exits, and the emitter. */
    final class Plan {
        private final RegionBuilder b;
        /** Entered by the dispatcher (leaves through EXIT), or called (returns through RETURN). */
        private final boolean dispatchable;
        /** Whether calls to colon definitions are IR CALLs. */
        private final boolean calls;
        private final Map<Long, Integer> blocks = new HashMap<>();
        /** Per leader, the top stack entries its edges pass in temporaries, fixed by the first edge decoded. */
        private final Map<Long, StackEntry> entries = new HashMap<>();
        private final Emitter emitter;
        /** A called region's back-edges left before it next asks whether to yield. */
        private final Temp polls;
        private int exits;

        Plan(RegionBuilder b, boolean dispatchable, boolean calls) {
            this.b = b;
            this.dispatchable = dispatchable;
            this.calls = calls;
            this.polls = dispatchable ? null : b.temp(Type.I32);
            this.emitter = new Emitter(b,
                    new StackCache(b, Registers.SP, Type.I64, MemoryMap.DATA_STACK_LIMIT, MemoryMap.S0, DATA, Stacks.FAULT),
                    new StackCache(b, Registers.RP, Type.I64, MemoryMap.RETURN_STACK_LIMIT, MemoryMap.R0, RETURN, Stacks.FAULT),
                    new StackCache(b, Registers.FP, Type.F64, MemoryMap.FLOAT_STACK_LIMIT, MemoryMap.F0, FLOAT, Stacks.FAULT),
                    this);
        }

        GuestMemory memory() {
            return memory;
        }

        boolean calls() {
            return calls;
        }

        /**
         * Synchronises the stacks and continues at {@code target}: its block, or the dispatcher.
         * A called region is not interrupted by the engine at loop back-edges, so it checks for
         * itself (every {@link #POLL_BACK_EDGES} back-edges) and leaves for the dispatcher, which
         * resumes the loop in a dispatchable region.
         */
        void goTo(long target) {
            Integer block = blocks.get(target);
            if (block == null) {
                emitter.syncAll();
                exit(b.i64(target));
                return;
            }
            if (!dispatchable && target <= emitter.address()) {
                Temp left = b.binary(Op.SUB, polls, b.i32(1));
                b.assign(polls, left);
                int poll = b.newBlock();
                int stay = b.newBlock();
                int leave = b.newBlock();
                b.branch(b.binary(Op.LE, left, b.i32(0)), poll, stay);
                b.switchTo(poll);
                b.assign(polls, b.i32(POLL_BACK_EDGES));
                b.branch(b.helper(YIELD), leave, stay);
                b.switchTo(leave);
                StackCache.Snapshot[] atEdge = emitter.snapshot();
                emitter.syncAll();
                exit(b.i64(target));
                b.switchTo(stay);
                emitter.restore(atEdge);
            }
            StackEntry entry = entries.computeIfAbsent(target, at -> dispatchable ? StackEntry.NONE : emitter.entryTemps());
            emitter.returns.transferTo(entry.returns());
            emitter.data.transferTo(entry.data());
            emitter.floats.transferTo(entry.floats());
            b.jump(block);
        }

        /**
         * Starts emitting the block at {@code leader}, with the stack entries its incoming edges
         * carry in temporaries (none in a dispatchable region, whose blocks the dispatcher may
         * enter with everything in memory; none when no edge to it was emitted yet).
         */
        void enter(long leader) {
            StackEntry entry = entries.computeIfAbsent(leader, at -> StackEntry.NONE);
            emitter.data.startBlock(entry.data());
            emitter.returns.startBlock(entry.returns());
            emitter.floats.startBlock(entry.floats());
        }

        /** Whether stack entries stay in temporaries across branches (only where no block is resumable). */
        boolean keepsStacksAcrossBlocks() {
            return !dispatchable;
        }

        /** Leaves the region for the dispatcher, which continues at {@code target}. */
        void exit(Temp target) {
            b.exit(target, exits++);
        }

        /** Returns from the definition to {@code target}: the dispatcher's, or the caller's when called. */
        void ret(Temp target) {
            if (dispatchable) {
                exit(target);
            } else {
                b.ret(target);
            }
        }

        /**
         * Calls the thread at {@code target} (the return address {@code next} is on the return
         * stack) and continues at {@code next} when it returns there; deeper than
         * {@link Registers#MAX_NEST} the call goes through the dispatcher instead.
         */
        void callAndContinue(long target, long next) {
            Temp nest = b.get(Registers.NEST);
            int call = b.newBlock();
            int deep = b.newBlock();
            b.branch(b.binary(Op.LTU, nest, b.i64(Registers.MAX_NEST)), call, deep);
            b.switchTo(deep);
            exit(b.i64(target));
            b.switchTo(call);
            b.set(Registers.NEST, b.add(nest, b.i64(1)));
            Temp returned = b.call(ThreadDecoder.this.calls.target(target), Type.I64);
            b.set(Registers.NEST, nest);
            emitter.forgetStacks();
            int here = b.newBlock();
            int elsewhere = b.newBlock();
            b.branch(b.binary(Op.EQ, returned, b.i64(next)), here, elsewhere);
            b.switchTo(elsewhere);
            exit(returned);
            b.switchTo(here);
            goTo(next);
        }
    }

    /** The temporaries holding each stack's top entries (top last) when a block is entered. */
    record StackEntry(List<Temp> data, List<Temp> returns, List<Temp> floats) {
        static final StackEntry NONE = new StackEntry(List.of(), List.of(), List.of());
    }

    /**
     * Back-edges a called region takes between two looks at the budget and the interrupt flag (as
     * the JIT's own loops poll every 1,024 instructions): the look is a helper call whose
     * volatile read would otherwise keep HotSpot from optimising the loop.
     */
    private static final int POLL_BACK_EDGES = 256;

    /**
     * Whether running code should return to the dispatcher (budget used up, Ctrl-C): 1 or 0. It
     * reads only the context's counters, not the guest state, so the JIT writes nothing back for it
     * but the instruction count: it runs at every back-edge of a called region.
     */
    private static final Helper YIELD = Helper.of(ThreadDecoder.class, "shouldYield");

    /** The helper behind a called region's loop check. */
    public static int shouldYield(ExecutionContext ctx) {
        return ctx.shouldYield() ? 1 : 0;
    }
}
