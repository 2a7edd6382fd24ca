package dev.mimic.backend.exec;

import dev.mimic.backend.interp.InterpretedCode;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Type;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Guest procedures as called regions, one {@link CallTarget} per entry address, so that a guest
 * call is an IR CALL (a JVM call in compiled code, which HotSpot can inline) instead of two trips
 * through the dispatcher. For machines whose procedures take no IR parameters (their arguments
 * live in guest memory) and return one value of a fixed type, typically the address they return
 * to.
 *
 * <p>A target is decoded when it is first called, not when a caller is decoded, so recursion
 * needs nothing special. Its code then follows the engine's kind: interpreted, compiled at once,
 * or (tiered) interpreted until it has run {@code threshold} times or one of its loops has run
 * for {@link #HOT_LOOP_INSTRUCTIONS}. When the engine's kind changes, every target is forgotten,
 * as the engine forgets its own translations.
 */
public final class CalledRegions {
    /**
     * Instructions an interpreted target runs before a loop in it leaves for the dispatcher (which
     * resumes it in a region it compiles), if the target can leave there (a yielding region, or one
     * that polls {@link ExecutionContext#shouldYield()} itself); the target itself is then compiled
     * for its next call.
     */
    public static final long HOT_LOOP_INSTRUCTIONS = 20_000;

    /** Decodes the called region of the procedure at an entry address. */
    @FunctionalInterface
    public interface Decoder {
        Region decode(long entry, ExecutionContext ctx);
    }

    private final Decoder decoder;
    private final Type result;
    private final RegionCompiler compiler;
    private final Supplier<EngineKind> kind;
    private final int threshold;
    private final Map<Long, CallTarget> targets = new HashMap<>();
    private EngineKind linkedKind;

    public CalledRegions(Decoder decoder, Type result, RegionCompiler compiler, Supplier<EngineKind> kind, int threshold) {
        this.decoder = decoder;
        this.result = result;
        this.compiler = compiler;
        this.kind = kind;
        this.threshold = Math.max(1, threshold);
    }

    /** The target that runs the procedure at {@code entry}. */
    public CallTarget target(long entry) {
        if (kind.get() != linkedKind) {
            clear();
            linkedKind = kind.get();
        }
        return targets.computeIfAbsent(entry, at -> {
            CallTarget t = new CallTarget("call@" + at);
            undecoded(t, at);
            return t;
        });
    }

    /** Drops the decoded code of every target read from guest code in [start, end). */
    public void invalidate(long start, long end) {
        for (Map.Entry<Long, CallTarget> e : targets.entrySet()) {
            CallTarget t = e.getValue();
            if (t.region().overlaps(start, end) || (e.getKey() >= start && e.getKey() < end)) {
                undecoded(t, e.getKey());
            }
        }
    }

    /** Forgets every target; callers decoded from now on get new ones. */
    public void clear() {
        targets.values().forEach(t -> undecoded(t, t.region().entryPc()));
        targets.clear();
    }

    /** Links {@code t} to code that decodes the procedure when it is next called. */
    private void undecoded(CallTarget t, long entry) {
        RegionBuilder b = new RegionBuilder("call@" + entry + " (not decoded)", entry).returns(result);
        b.ret(b.constant(result, 0));
        t.link(b.build(), new Pending(t, entry));
    }

    /** The compiled code of {@code region}, or {@code fallback} when the JIT refuses it (too large). */
    private RegionCode compileOr(Region region, RegionCode fallback) {
        try {
            return compiler.compile(region);
        } catch (IllegalArgumentException tooLarge) {
            return fallback;
        }
    }

    /** Code not decoded yet: decodes the procedure, links the result, and runs it for this call. */
    private final class Pending implements RegionCode {
        private final CallTarget target;
        private final long entry;

        Pending(CallTarget target, long entry) {
            this.target = target;
            this.entry = entry;
        }

        @Override
        public int run(ExecutionContext ctx, Frame frame) {
            Region region = decoder.decode(entry, ctx);
            InterpretedCode interpreted = new InterpretedCode(region);
            RegionCode code = switch (kind.get()) {
                case INTERP -> interpreted;
                case JIT -> compileOr(region, interpreted);
                case TIERED -> new Tiering(target, interpreted);
            };
            target.link(region, code);
            Frame f = new Frame(region.tempCount());
            int status = code.run(ctx, f);
            frame.result = f.result;
            frame.resultRef = f.resultRef;
            return status;
        }

        @Override
        public boolean compiled() {
            return false;
        }
    }

    /** Interpreted code that has its target compiled once it is hot. */
    private final class Tiering implements RegionCode {
        private final CallTarget target;
        private final InterpretedCode interpreted;
        private int runs;

        Tiering(CallTarget target, InterpretedCode interpreted) {
            this.target = target;
            this.interpreted = interpreted;
        }

        @Override
        public int run(ExecutionContext ctx, Frame frame) {
            if (++runs >= threshold) {
                target.setCode(compileOr(interpreted.region(), interpreted));
                return interpreted.run(ctx, frame);
            }
            long limit = ctx.instructionLimit;
            long budget = ctx.instructions + HOT_LOOP_INSTRUCTIONS;
            if (budget >= limit) {
                return interpreted.run(ctx, frame);
            }
            ctx.instructionLimit = budget;
            try {
                int status = interpreted.run(ctx, frame);
                if (status != RegionCode.RETURNED && ctx.instructions >= budget && !ctx.interruptRequested) {
                    target.setCode(compileOr(interpreted.region(), interpreted));
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
