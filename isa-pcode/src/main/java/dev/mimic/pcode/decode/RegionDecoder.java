package dev.mimic.pcode.decode;

import dev.mimic.backend.exec.CalledRegions;
import dev.mimic.backend.exec.DecodeRequest;
import dev.mimic.backend.ir.Op;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.pcode.load.Mpb;
import dev.mimic.pcode.load.P5Instruction;
import dev.mimic.pcode.load.P5Isa;
import dev.mimic.pcode.load.PcodeProgram;
import dev.mimic.pcode.runtime.P5Error;
import dev.mimic.pcode.runtime.Registers;
import dev.mimic.specs.coverage.DecodeRecorder;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decodes the code reachable from one entry address into a region: it follows fall-through,
 * jumps, conditional jumps and case tables, but not into calls and returns, so a region is (a
 * part of) one procedure and its loops become loops of IR blocks. Each guest basic block is an IR
 * block that the dispatcher can resume at its address, because the expression stack is in the
 * store at every block boundary. Code not decoded (past the instruction budget, at a breakpoint,
 * or reached by a return) is left through an exit.
 *
 * <p>With {@link CalledRegions}, a {@code cup} is an IR CALL of the callee's own region, which
 * returns the address its {@code ret} found in the mark: when that is the instruction after the
 * {@code cup}, the caller goes on in-region, otherwise it leaves for that address. A called
 * region leaves (past its instruction budget, for a goto out of the procedure) by returning the
 * address, which every caller passes on up to the dispatcher (see {@link #exit(Temp)}). Deeper
 * than {@link Registers#MAX_NEST} calls, a {@code cup} leaves for the callee. A procedure's
 * called region is built yielding: the p-machine keeps every frame in the store, so the
 * dispatcher can take over at any loop head or procedure entry. Without {@link CalledRegions}
 * (single steps, breakpoints set) every call and return goes through the dispatcher. Both forms
 * keep the store exactly as pint does, so they mix freely.
 */
final class RegionDecoder implements Flow {
    /** The longest case table followed; larger ones still work through an exit. */
    private static final int MAX_TABLE = 1024;

    private final P5Isa isa = P5Isa.get();
    private final PcodeProgram program;
    private final GuestMemory memory;
    private final DecodeRequest request;
    private final long entry;
    /** Where calls go as IR CALLs; null when they go through the dispatcher. */
    private final CalledRegions calls;
    /** Whether this is the called region of the procedure at {@link #entry}. */
    private final boolean called;
    private boolean makesCalls;
    private final TreeMap<Long, P5Instruction> decoded = new TreeMap<>();
    private final Set<Long> leaders = new HashSet<>();
    /** Case tables: address of the first ujp to the number of ujp entries decoded. */
    private final Map<Long, Integer> tables = new HashMap<>();
    private final Map<Long, Integer> blocks = new HashMap<>();
    private final Map<Long, Integer> stubs = new HashMap<>();
    private final List<long[]> constants = new ArrayList<>();
    private RegionBuilder b;
    private int exits;

    RegionDecoder(PcodeProgram program, GuestMemory memory, DecodeRequest request, long entry, CalledRegions calls,
                  boolean called) {
        this.program = program;
        this.memory = memory;
        this.request = request;
        this.entry = entry;
        this.calls = calls;
        this.called = called;
    }

    Region decode() {
        discover();
        b = new RegionBuilder((called ? "p5 procedure@" : "p5@") + entry, entry);
        if (called) {
            b.yielding().returns(Type.I32);
        } else if (makesCalls) {
            // A dispatchable region runs with no JVM call of guest code below it.
            b.set(Registers.NEST, b.i32(0));
        }
        List<Long> starts = new ArrayList<>();
        for (long pc : decoded.keySet()) {
            if (leaders.contains(pc) && pc != entry) {
                starts.add(pc);
            }
        }
        blocks.put(entry, 0);
        for (long pc : starts) {
            blocks.put(pc, b.newBlock());
        }
        emitBlock(entry);
        for (long pc : starts) {
            emitBlock(pc);
        }
        cover();
        return b.build();
    }

    // ---- discovery ----

    private void discover() {
        Deque<Long> work = new ArrayDeque<>();
        work.add(entry);
        leaders.add(entry);
        while (!work.isEmpty()) {
            long pc = work.poll();
            for (;;) {
                if (decoded.containsKey(pc)) {
                    leaders.add(pc);
                    break;
                }
                P5Instruction insn = pc == entry || !request.mustStopBefore(pc, decoded.size()) ? fetch(pc) : null;
                if (insn == null) {
                    break;
                }
                decoded.put(pc, insn);
                if (insn.op().flow() == P5Isa.Flow.NEXT) {
                    pc = insn.next();
                    continue;
                }
                switch (insn.op().flow()) {
                    case JUMP -> target(work, insn.q());
                    case BRANCH -> {
                        target(work, insn.q());
                        target(work, insn.next());
                    }
                    case SWITCH -> table(work, insn.q());
                    case CALL -> {
                        if (calls != null) {
                            makesCalls = true;
                            target(work, insn.next());
                        }
                    }
                    default -> { }
                }
                break;
            }
        }
    }

    /** Decodes at {@code pc}; the entry must decode, later instructions that do not are left through an exit. */
    private P5Instruction fetch(long pc) {
        if (pc < 0 || pc >= program.codeEnd()) {
            if (pc == entry) {
                throw P5Error.PC_OUT_OF_RANGE.fault("pc out of range: " + pc);
            }
            return null;
        }
        P5Instruction insn = isa.decode(memory, pc).orElse(null);
        if (insn == null && pc == entry) {
            throw P5Error.ILLEGAL_INSTRUCTION.fault("illegal instruction (opcode " + memory.load8(pc) + ") at " + pc);
        }
        if (insn != null && insn.next() > program.codeEnd()) {
            if (pc == entry) {
                throw P5Error.PC_OUT_OF_RANGE.fault("instruction at " + pc + " runs past the end of the code");
            }
            return null;
        }
        return insn;
    }

    private void target(Deque<Long> work, long pc) {
        leaders.add(pc);
        work.add(pc);
    }

    /** Follows the ujp entries of the case table at {@code table}. */
    private void table(Deque<Long> work, long table) {
        int n = 0;
        for (long at = table; n < MAX_TABLE && at >= 0 && at + Mpb.UJP_LENGTH <= program.codeEnd(); at += Mpb.UJP_LENGTH, n++) {
            if (!"ujp".equals(isa.byOpcode(memory.load8(at)).map(P5Isa.Op::name).orElse(null))) {
                break;
            }
            target(work, at);
        }
        tables.merge(table, n, Math::max);
    }

    // ---- emission ----

    private void emitBlock(long start) {
        b.switchTo(blocks.get(start));
        b.resumeAt(start);
        P5Semantics semantics = new P5Semantics(b, this, program, memory, (from, to) -> constants.add(new long[] {from, to}));
        long pc = start;
        for (;;) {
            P5Instruction insn = decoded.get(pc);
            b.insn(pc);
            DecodeRecorder.record("p5", insn.name());
            if (insn.procedure() != null) {
                DecodeRecorder.record("p5", insn.procedure().spec().name());
            }
            semantics.emit(insn);
            if (b.blockClosed()) {
                return;
            }
            pc = insn.next();
            if (leaders.contains(pc) || !decoded.containsKey(pc)) {
                semantics.finish();
                jump(pc);
                return;
            }
        }
    }

    /**
     * The block that continues at {@code pc}: decoded code, or an exit to the dispatcher. A jump
     * back to an entry that has a breakpoint leaves too, so the breakpoint is seen every time.
     * Blocks that leave for the same address share one exit block, but only when it comes after
     * them: a jump to an earlier block is a back-edge, which must reach a resumable block.
     */
    private int edge(long pc) {
        Integer block = pc == entry && request.stopBefore().test(entry) ? null : blocks.get(pc);
        if (block != null) {
            return block;
        }
        int here = b.currentBlock();
        Integer shared = stubs.get(pc);
        if (shared != null && shared > here) {
            return shared;
        }
        int stub = b.newBlock();
        b.switchTo(stub);
        exit(pc);
        b.switchTo(here);
        stubs.put(pc, stub);
        return stub;
    }

    @Override
    public void jump(long target) {
        b.jump(edge(target));
    }

    @Override
    public void branch(Temp condition, long ifTrue, long ifFalse) {
        int t = edge(ifTrue);
        int f = edge(ifFalse);
        b.branch(condition, t, f);
    }

    @Override
    public void exit(long target) {
        exit(b.i32((int) target));
    }

    /**
     * Leaves for {@code target}: a dispatchable region exits to the dispatcher; a called region
     * returns it, and each caller that does not find the address after its call returns it too,
     * up to the dispatchable region that exits there (a caller that does find it may go on there:
     * the code at an address means the same whichever activation runs it). Nothing is lost on the
     * way, as the p-machine keeps its frames in the store, and no exception unwinds the host stack.
     */
    @Override
    public void exit(Temp target) {
        if (called) {
            b.ret(target);
        } else {
            b.exit(target, exits++);
        }
    }

    @Override
    public void call(long target, long next) {
        if (calls == null) {
            exit(target);
            return;
        }
        Temp nest = b.get(Registers.NEST);
        int call = b.newBlock();
        int deep = b.newBlock();
        b.branch(b.binary(Op.LTU, nest, b.i32(Registers.MAX_NEST)), call, deep);
        b.switchTo(deep);
        exit(target);
        b.switchTo(call);
        b.set(Registers.NEST, b.add(nest, b.i32(1)));
        Temp returned = b.call(calls.target(target), Type.I32);
        b.set(Registers.NEST, nest);
        int elsewhere = b.newBlock();
        b.branch(b.binary(Op.EQ, returned, b.i32((int) next)), edge(next), elsewhere);
        b.switchTo(elsewhere);
        exit(returned);
    }

    @Override
    public void ret(Temp returnAddress) {
        exit(returnAddress);
    }

    @Override
    public void stop(long pc) {
        b.stop(b.i32((int) pc), 0);
    }

    /**
     * Dispatches on the index by binary search over the decoded table entries; an index beyond
     * them continues at the computed address, as pint does.
     */
    @Override
    public void select(Temp index, long table) {
        int n = tables.getOrDefault(table, 0);
        int far = b.newBlock();
        if (n > 0) {
            int near = b.newBlock();
            b.branch(b.binary(Op.LTU, index, b.i32(n)), near, far);
            b.switchTo(near);
            search(index, table, 0, n);
        } else {
            b.jump(far);
        }
        b.switchTo(far);
        b.exit(b.add(b.i32((int) table), b.mul(index, b.i32(Mpb.UJP_LENGTH))), exits++);
    }

    private void search(Temp index, long table, int low, int high) {
        if (high - low == 1) {
            jump(table + (long) Mpb.UJP_LENGTH * low);
            return;
        }
        int middle = (low + high) >>> 1;
        int lower = b.newBlock();
        int upper = b.newBlock();
        b.branch(b.binary(Op.LT, index, b.i32(middle)), lower, upper);
        b.switchTo(lower);
        search(index, table, low, middle);
        b.switchTo(upper);
        search(index, table, middle, high);
    }

    /** Records the code and constant ranges the region depends on, merging adjacent instructions. */
    private void cover() {
        long start = -1;
        long end = -1;
        for (P5Instruction insn : decoded.values()) {
            if (insn.pc() != end) {
                if (start >= 0) {
                    b.coverCode(start, end);
                }
                start = insn.pc();
            }
            end = insn.next();
        }
        if (start >= 0) {
            b.coverCode(start, end);
        }
        for (long[] c : constants) {
            b.coverCode(c[0], c[1]);
        }
    }
}
