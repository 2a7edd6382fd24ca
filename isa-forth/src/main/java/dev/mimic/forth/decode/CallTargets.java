package dev.mimic.forth.decode;

import dev.mimic.backend.exec.CallTarget;
import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frame;
import dev.mimic.backend.exec.RegionCode;
import dev.mimic.backend.exec.RegionCompiler;
import dev.mimic.backend.interp.InterpretedCode;
import dev.mimic.backend.ir.CodeRange;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Type;
import dev.mimic.backend.memory.GuestMemory;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Colon definitions as called regions, so that a call from one definition to another is an IR
 * CALL: a JVM call in compiled code, which HotSpot can inline, instead of a trip through the
 * dispatcher. There is one {@link CallTarget} per thread address called (a colon definition's body
 * or a DOES&gt; word's does-code).
 *
 * <p>A target is decoded when it is first run, not when a caller is decoded, so recursion needs no
 * special case. It is interpreted and, by the engine's kind, compiled at once or after running
 * {@code threshold} times. A write into its code puts it back in the undecoded state; its callers'
 * compiled code keeps the same target and picks up the new code on the next call.
 */
public final class CallTargets {
    private final ThreadDecoder decoder;
    private final GuestMemory memory;
    private final RegionCompiler compiler;
    private final Supplier<EngineKind> kind;
    private final int threshold;
    private final Map<Long, Entry> entries = new HashMap<>();

    /** A target and the code ranges its current region was decoded from. */
    private static final class Entry {
        final CallTarget target;
        Region region;

        Entry(CallTarget target) {
            this.target = target;
        }
    }

    public CallTargets(ThreadDecoder decoder, GuestMemory memory, RegionCompiler compiler, Supplier<EngineKind> kind, int threshold) {
        this.decoder = decoder;
        this.memory = memory;
        this.compiler = compiler;
        this.kind = kind;
        this.threshold = Math.max(1, threshold);
    }

    /** The target that runs the thread at {@code body}. */
    CallTarget target(long body) {
        return entries.computeIfAbsent(body, at -> {
            Entry e = new Entry(new CallTarget("forth@" + Long.toHexString(at)));
            pending(e, at);
            return e;
        }).target;
    }

    /** Drops the decoded code of every target read from [start, end). */
    public void invalidate(long start, long end) {
        for (Map.Entry<Long, Entry> e : entries.entrySet()) {
            Region r = e.getValue().region;
            if (r != null && r.overlaps(start, end)) {
                pending(e.getValue(), e.getKey());
            }
        }
    }

    /** Forgets every target (code tracking was reset: the engine dropped all its translations). */
    public void clear() {
        entries.clear();
    }

    /** Links the target to code that decodes the thread when it is next called. */
    private void pending(Entry e, long body) {
        e.region = null;
        e.target.link(placeholder(body), new Pending(e, body));
    }

    /** A trivial region with the callee's signature; only its shape is read before {@link Pending} runs. */
    private static Region placeholder(long body) {
        RegionBuilder b = new RegionBuilder("forth@" + Long.toHexString(body) + " (not decoded)", body).returns(Type.I64);
        b.ret(b.i64(0));
        return b.build();
    }

    /** Undecoded code: decodes the thread, links the result, and runs it for this call. */
    private final class Pending implements RegionCode {
        private final Entry entry;
        private final long body;

        Pending(Entry entry, long body) {
            this.entry = entry;
            this.body = body;
        }

        @Override
        public int run(ExecutionContext ctx, Frame frame) {
            Region region = decoder.decodeCalled(body);
            for (CodeRange range : region.code()) {
                memory.trackCode(range.start(), range.end());
            }
            entry.region = region;
            RegionCode code = switch (kind.get()) {
                case INTERP -> new InterpretedCode(region);
                case JIT -> compile(region, new InterpretedCode(region));
                case TIERED -> new Tiering(entry.target, region);
            };
            entry.target.link(region, code);
            Frame f = new Frame(region.tempCount());
            int status = code.run(ctx, f);
            frame.result = f.result;
            return status;
        }

        @Override
        public boolean compiled() {
            return false;
        }
    }

    /** The compiled code of a region, or {@code fallback} when the JIT refuses it (too large). */
    private RegionCode compile(Region region, RegionCode fallback) {
        try {
            return compiler.compile(region);
        } catch (IllegalArgumentException tooLarge) {
            return fallback;
        }
    }

    /**
     * Instructions an interpreted target runs before its loops leave for the dispatcher: a long loop
     * in a target called once must not stay interpreted (the dispatcher resumes it in a region it
     * compiles, and the target itself is compiled for its next call).
     */
    private static final long HOT_LOOP_INSTRUCTIONS = 20_000;

    /**
     * Interpreted code that has the target compiled once it has run {@code threshold} times, or
     * once a loop in it ran for {@link #HOT_LOOP_INSTRUCTIONS}.
     */
    private final class Tiering implements RegionCode {
        private final CallTarget target;
        private final Region region;
        private final InterpretedCode interpreted;
        private int runs;

        Tiering(CallTarget target, Region region) {
            this.target = target;
            this.region = region;
            this.interpreted = new InterpretedCode(region);
        }

        @Override
        public int run(ExecutionContext ctx, Frame frame) {
            if (++runs == threshold) {
                target.setCode(compile(region, interpreted));
                return interpreted.run(ctx, frame);
            }
            long limit = ctx.instructionLimit;
            long budget = ctx.instructions + HOT_LOOP_INSTRUCTIONS;
            if (budget > limit) {
                return interpreted.run(ctx, frame);
            }
            ctx.instructionLimit = budget;
            try {
                int status = interpreted.run(ctx, frame);
                if (status != RETURNED && ctx.instructions >= budget && ctx.instructions < limit && !ctx.interruptRequested) {
                    runs = threshold;
                    target.setCode(compile(region, interpreted));
                }
                return status;
            } finally {
                ctx.instructionLimit = limit;
            }
        }

        @Override
        public boolean compiled() {
            return false;
        }
    }
}
