package dev.mimic.backend.jit;

import dev.mimic.backend.ir.Block;
import dev.mimic.backend.ir.Insn;
import dev.mimic.backend.ir.Op;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.Type;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides where each temporary of a region lives in its JVM method. Frontends emit many short-lived
 * temporaries (a constant for each operand, a MOV into the value carried across blocks), and a
 * JVM local past index 255 costs a {@code wide} prefix on every access, so:
 * <ul>
 *   <li>a temporary assigned once by CONST and never read before that is not stored at all; each
 *       read pushes the constant;
 *   <li>a value used only by an immediately following MOV is stored straight into the MOV's
 *       destination, and the MOV disappears;
 *   <li>temporaries that live within one pass through one block share a few locals (per type);
 *   <li>the rest get a local each, the most used first, after the emitter's own locals.
 * </ul>
 * It also finds the blocks reachable from the entry (the others are not emitted) and the
 * temporaries that may be read before any write, which the method zeroes on entry, as a fresh
 * interpreter frame would hold zero there.
 */
final class LocalPlan {
    private final Region region;
    private final BitSet[] entryAssigned;
    private final BitSet zeroed = new BitSet();
    private final Insn[] constant;
    private final Map<Insn, Integer> storeInto = new IdentityHashMap<>();
    private final Set<Insn> skipped = Collections.newSetFromMap(new IdentityHashMap<>());
    private final int[] local;
    private final int[] uses;
    /** Block-local temporaries: the pool slot they share within their type. */
    private final int[] poolSlot;
    private final int[] poolSize = new int[Type.values().length];
    /** Temporaries some emitted instruction reads from or stores to a local. */
    private final BitSet touched = new BitSet();
    private int next = 1;

    LocalPlan(Region region) {
        this.region = region;
        int temps = region.tempCount();
        this.entryAssigned = assignedOnEntry(region);
        this.constant = new Insn[temps];
        this.local = new int[temps];
        this.uses = new int[temps];
        this.poolSlot = new int[temps];
        Arrays.fill(local, -1);
        Arrays.fill(poolSlot, -1);
        int[] defs = new int[temps];
        Insn[] definition = new Insn[temps];
        for (int p = 0; p < region.paramCount(); p++) {
            defs[p]++;
            local[p] = next;
            next += size(region.tempType(p));
        }
        for (Block b : region.blocks()) {
            if (!reachable(b.index())) {
                continue;
            }
            BitSet assigned = (BitSet) entryAssigned[b.index()].clone();
            for (Insn i : b.insns()) {
                for (int r : reads(i)) {
                    uses[r]++;
                    if (!assigned.get(r)) {
                        zeroed.set(r);
                    }
                }
                if (i.dst >= 0) {
                    defs[i.dst]++;
                    definition[i.dst] = i;
                    assigned.set(i.dst);
                }
            }
        }
        for (int t = region.paramCount(); t < temps; t++) {
            if (defs[t] == 1 && definition[t].op == Op.CONST && !zeroed.get(t)) {
                constant[t] = definition[t];
                skipped.add(definition[t]);
            }
        }
        for (Block b : region.blocks()) {
            List<Insn> insns = b.insns();
            for (int k = 0; reachable(b.index()) && k + 1 < insns.size(); k++) {
                Insn producer = insns.get(k);
                Insn mov = insns.get(k + 1);
                int t = producer.dst;
                if (mov.op == Op.MOV && t >= region.paramCount() && mov.a == t && defs[t] == 1 && uses[t] == 1
                        && !skipped.contains(producer)) {
                    storeInto.put(producer, mov.dst);
                    skipped.add(mov);
                }
            }
        }
        poolBlockLocals();
    }

    // ---- queries ----

    boolean reachable(int block) {
        return entryAssigned[block] != null;
    }

    /** Temporaries the method zeroes on entry. */
    BitSet zeroed() {
        return zeroed;
    }

    /** The CONST whose value a read of {@code temp} pushes, or null when the temporary has a local. */
    Insn constant(int temp) {
        return constant[temp];
    }

    /** True for instructions not emitted: rematerialised constants and coalesced MOVs. */
    boolean skipped(Insn insn) {
        return skipped.contains(insn);
    }

    /** The temporary {@code insn}'s result is stored in. */
    int target(Insn insn) {
        return storeInto.getOrDefault(insn, insn.dst);
    }

    /** The JVM local of {@code temp} (after {@link #placeTemps}). */
    int local(int temp) {
        if (local[temp] < 0) {
            throw new IllegalStateException("t" + temp + " has no local in " + region.name());
        }
        return local[temp];
    }

    /** Reserves a local for the emitter; call before {@link #placeTemps}, so these get the short encodings. */
    int allocate(Type t) {
        int l = next;
        next += size(t);
        return l;
    }

    /** Gives locals to the temporaries: the shared block-local pool first, then the others by use count. */
    void placeTemps() {
        int[] base = new int[poolSize.length];
        for (Type t : Type.values()) {
            base[t.ordinal()] = next;
            next += poolSize[t.ordinal()] * size(t);
        }
        List<Integer> dedicated = new ArrayList<>();
        for (int t = region.paramCount(); t < local.length; t++) {
            Type type = region.tempType(t);
            if (poolSlot[t] >= 0) {
                local[t] = base[type.ordinal()] + poolSlot[t] * size(type);
            } else if (touched.get(t)) {
                dedicated.add(t);
            }
        }
        dedicated.sort(Comparator.comparingInt((Integer t) -> -uses[t]));
        for (int t : dedicated) {
            local[t] = allocate(region.tempType(t));
        }
    }

    // ---- block-local pooling ----

    /**
     * Temporaries whose every read and write is in one block, written before read there, are
     * dead outside one pass through it; a linear scan over each block shares locals among them.
     */
    private void poolBlockLocals() {
        int temps = region.tempCount();
        int[] home = new int[temps];
        Arrays.fill(home, -1);
        boolean[] readFirst = new boolean[temps];
        int[] start = new int[temps];
        int[] end = new int[temps];
        for (int p = 0; p < region.paramCount(); p++) {
            home[p] = -2;
        }
        for (Block b : region.blocks()) {
            if (!reachable(b.index())) {
                continue;
            }
            List<Insn> insns = b.insns();
            for (int k = 0; k < insns.size(); k++) {
                Insn i = insns.get(k);
                if (skipped(i)) {
                    continue;
                }
                for (int r : reads(i)) {
                    if (constant[r] == null) {
                        touched.set(r);
                        note(home, readFirst, start, end, r, b.index(), k, true);
                    }
                }
                int target = target(i);
                if (target >= 0) {
                    touched.set(target);
                    note(home, readFirst, start, end, target, b.index(), k, false);
                }
            }
        }
        List<List<Integer>> byBlock = new ArrayList<>();
        for (int k = 0; k < region.blocks().size(); k++) {
            byBlock.add(new ArrayList<>());
        }
        for (int t = 0; t < temps; t++) {
            if (home[t] >= 0 && !readFirst[t]) {
                byBlock.get(home[t]).add(t);
            }
        }
        for (List<Integer> blockTemps : byBlock) {
            blockTemps.sort(Comparator.comparingInt(t -> start[t]));
            List<Deque<Integer>> free = new ArrayList<>();
            for (int k = 0; k < poolSize.length; k++) {
                free.add(new ArrayDeque<>());
            }
            List<Integer> active = new ArrayList<>();
            for (int t : blockTemps) {
                for (int i = active.size() - 1; i >= 0; i--) {
                    int a = active.get(i);
                    if (end[a] < start[t]) {
                        free.get(region.tempType(a).ordinal()).push(poolSlot[a]);
                        active.remove(i);
                    }
                }
                int type = region.tempType(t).ordinal();
                poolSlot[t] = free.get(type).isEmpty() ? poolSize[type]++ : free.get(type).pop();
                active.add(t);
            }
        }
    }

    private static void note(int[] home, boolean[] readFirst, int[] start, int[] end, int t, int block, int index, boolean read) {
        if (home[t] == -1) {
            home[t] = block;
            readFirst[t] = read;
            start[t] = index;
        } else if (home[t] != block) {
            home[t] = -2;
        }
        end[t] = Math.max(end[t], index);
    }

    // ---- definite assignment ----

    /**
     * For each block, the temporaries assigned on every path into it, or null for unreachable
     * blocks. A handler block is entered from anywhere in the blocks it covers, so it only gets
     * what was assigned when they were entered.
     */
    private static BitSet[] assignedOnEntry(Region region) {
        int n = region.blocks().size();
        BitSet[] in = new BitSet[n];
        BitSet params = new BitSet();
        params.set(0, region.paramCount());
        in[0] = params;
        Deque<Integer> work = new ArrayDeque<>(List.of(0));
        while (!work.isEmpty()) {
            int k = work.pop();
            Block b = region.block(k);
            BitSet out = (BitSet) in[k].clone();
            for (Insn i : b.insns()) {
                if (i.dst >= 0) {
                    out.set(i.dst);
                }
            }
            Insn t = b.terminator();
            if (t.op == Op.JUMP || t.op == Op.BRANCH) {
                flow(in, work, (int) t.imm, out);
            }
            if (t.op == Op.BRANCH) {
                flow(in, work, t.c, out);
            }
            if (b.handler() >= 0) {
                flow(in, work, b.handler(), in[k]);
            }
        }
        return in;
    }

    private static void flow(BitSet[] in, Deque<Integer> work, int to, BitSet assigned) {
        if (in[to] == null) {
            in[to] = (BitSet) assigned.clone();
            work.push(to);
        } else {
            BitSet before = (BitSet) in[to].clone();
            in[to].and(assigned);
            if (!in[to].equals(before)) {
                work.push(to);
            }
        }
    }

    /** The temporaries an instruction reads. */
    static List<Integer> reads(Insn i) {
        List<Integer> r = new ArrayList<>(3 + i.argCount());
        if (i.a >= 0) {
            r.add(i.a);
        }
        if (i.b >= 0) {
            r.add(i.b);
        }
        if (i.c >= 0 && i.op != Op.BRANCH) {
            r.add(i.c);
        }
        for (int k = 0; k < i.argCount(); k++) {
            r.add(i.arg(k));
        }
        return r;
    }

    static int size(Type t) {
        return t == Type.I64 || t == Type.F64 ? 2 : 1;
    }
}
