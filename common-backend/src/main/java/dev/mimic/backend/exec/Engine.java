package dev.mimic.backend.exec;

import dev.mimic.backend.debug.Breakpoint;
import dev.mimic.backend.debug.Condition;
import dev.mimic.backend.debug.DebugPoints;
import dev.mimic.backend.debug.WatchHit;
import dev.mimic.backend.debug.WatchingMemory;
import dev.mimic.backend.interp.InterpretedCode;
import dev.mimic.backend.ir.CodeRange;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.backend.state.GuestState;

import java.util.function.LongConsumer;

/**
 * Runs a machine's guest code: looks up (or decodes) the region at the pc, runs it interpreted or
 * compiled per the {@link EngineKind}, follows its exits through chained links, and stops at
 * breakpoints, watchpoints, guest exits, faults, the instruction budget and interrupts.
 *
 * <p>Breakpoints work by decoding: regions end before a breakpoint address, and the dispatcher
 * checks the pc at every region entry. While watchpoints or a tracer are active the engine runs
 * regions of one instruction each (from a separate cache), so it stops right after the instruction
 * that touched the watched memory. Both are the same under the interpreter and the JIT.
 */
public final class Engine {
    /** Default number of runs after which a region is compiled in tiered mode. */
    public static final int DEFAULT_TIER_THRESHOLD = 50;
    /** Instructions an interpreted region may loop for in tiered mode before it is compiled. */
    public static final int HOT_LOOP_INSTRUCTIONS = 10_000;
    /** Longest region the engine asks frontends for. */
    public static final int MAX_REGION_INSTRUCTIONS = 256;

    private final Frontend frontend;
    private final ExecutionContext ctx;
    private final RegionCompiler compiler;
    private final GuestMemory memory;
    private final DebugPoints points = new DebugPoints();
    private final CodeCache regions = new CodeCache();
    private final CodeCache singles = new CodeCache();
    private final ExecStats stats = new ExecStats();
    private EngineKind kind;
    private int tierThreshold = DEFAULT_TIER_THRESHOLD;
    private LongConsumer tracer;
    private Runnable afterRun = () -> { };
    private WatchingMemory watching;

    public Engine(Frontend frontend, ExecutionContext ctx, RegionCompiler compiler, EngineKind kind) {
        this.frontend = frontend;
        this.ctx = ctx;
        this.compiler = compiler;
        this.kind = kind;
        this.memory = ctx.memory;
        memory.setCodeWriteListener(this::invalidate);
        points.onBreakpointChange(this::invalidate);
    }

    public EngineKind kind() {
        return kind;
    }

    /** Switches engine; translated code is dropped so everything runs the new way from now on. */
    public void setKind(EngineKind kind) {
        this.kind = kind;
        invalidateAll();
    }

    public void setTierThreshold(int runs) {
        this.tierThreshold = Math.max(1, runs);
    }

    public DebugPoints debugPoints() {
        return points;
    }

    public ExecStats stats() {
        return stats;
    }

    public ExecutionContext context() {
        return ctx;
    }

    /** The guest memory itself (never the watching wrapper), for debuggers and loaders. */
    public GuestMemory memory() {
        return memory;
    }

    /**
     * Calls {@code hook} whenever {@link #run} or {@link #step} returns, so a machine can make what
     * the guest wrote visible (flush buffered console output) before the debugger speaks.
     */
    public void setAfterRun(Runnable hook) {
        this.afterRun = hook;
    }

    /** Calls {@code tracer} with the pc of every instruction about to run; null turns tracing off. */
    public void setTracer(LongConsumer tracer) {
        this.tracer = tracer;
    }

    /** Drops translations of guest code in [start, end). */
    public void invalidate(long start, long end) {
        regions.invalidate(start, end);
        singles.invalidate(start, end);
    }

    public void invalidateAll() {
        regions.clear();
        singles.clear();
        memory.untrackAllCode();
    }

    /** Asks a running {@link #run} to stop soon; safe from any thread. */
    public void interrupt() {
        ctx.interruptRequested = true;
    }

    /**
     * Runs until a stop event, at most {@code maxInstructions} guest instructions. A breakpoint at
     * the starting pc does not fire (the run is resuming from it).
     */
    public StopEvent run(long maxInstructions) {
        ctx.interruptRequested = false;
        return runKeepingInterrupt(maxInstructions);
    }

    /**
     * Runs like {@link #run} but keeps an interrupt requested since the last run returned, so a
     * caller that is woken from another thread (an interval timer raising a signal) cannot lose a
     * request that arrived between two runs.
     */
    public StopEvent runKeepingInterrupt(long maxInstructions) {
        long limit = maxInstructions >= Long.MAX_VALUE - ctx.instructions ? Long.MAX_VALUE : ctx.instructions + maxInstructions;
        long startPc = ctx.state.pc();
        boolean first = true;
        CodeCache.Entry chained = null;
        try {
            for (;;) {
                if (ctx.interruptRequested) {
                    ctx.interruptRequested = false;
                    return StopEvent.of(StopEvent.Kind.INTERRUPTED, ctx.state.pc(), "interrupted");
                }
                if (ctx.instructions >= limit) {
                    return StopEvent.of(StopEvent.Kind.LIMIT, ctx.state.pc(), "instruction limit reached");
                }
                long pc = ctx.state.pc();
                if (!(first && pc == startPc)) {
                    StopEvent hit = breakpointAt(pc);
                    if (hit != null) {
                        return hit;
                    }
                }
                first = false;
                StopEvent stop;
                try {
                    if (precise()) {
                        chained = null;
                        stop = runSingle(pc);
                    } else {
                        CodeCache.Entry e = chained != null ? chained : lookup(regions, pc, MAX_REGION_INSTRUCTIONS);
                        chained = null;
                        int status = execute(e, limit);
                        if (status >= 0) {
                            chained = follow(e, status);
                            continue;
                        }
                        stop = afterStatus(status);
                    }
                } catch (GuestFault f) {
                    chained = null;
                    stop = fault(f);
                }
                if (stop != null) {
                    return stop;
                }
            }
        } finally {
            ctx.instructionLimit = Long.MAX_VALUE;
            afterRun.run();
        }
    }

    /** The region an exit leads to, through the chain link or the cache; null where a breakpoint waits. */
    private CodeCache.Entry follow(CodeCache.Entry from, int exit) {
        long to = ctx.state.pc();
        if (breakpointWaits(to)) {
            return null;
        }
        CodeCache.Entry next = from.successor(exit, to);
        if (next == null) {
            next = regions.get(to);
            if (next != null) {
                from.link(exit, next);
            }
        }
        return next;
    }

    /** Runs exactly one guest instruction (breakpoints do not fire). */
    public StopEvent step() {
        StopEvent e;
        try {
            e = runSingle(ctx.state.pc());
        } catch (GuestFault f) {
            e = fault(f);
        } finally {
            afterRun.run();
        }
        return e != null ? e : StopEvent.of(StopEvent.Kind.STEPPED, ctx.state.pc(), "stepped");
    }

    /** Puts the pc on the faulting instruction (the state is precise there) and asks the machine. */
    private StopEvent fault(GuestFault f) {
        ctx.state.setPc(f.pc());
        return frontend.onFault(f, ctx);
    }

    private boolean precise() {
        return tracer != null || points.hasWatchpoints();
    }

    /** Runs the one-instruction region at {@code pc}; returns a stop event or null to go on. */
    private StopEvent runSingle(long pc) {
        if (tracer != null) {
            tracer.accept(pc);
        }
        CodeCache.Entry e = lookup(singles, pc, 1);
        boolean watch = points.hasWatchpoints();
        if (watch) {
            watching = watching != null && watching.inner() == memory ? watching : new WatchingMemory(memory, points);
            ctx.memory = watching;
        }
        int status;
        try {
            status = execute(e, Long.MAX_VALUE);
        } finally {
            ctx.memory = memory;
        }
        StopEvent stop = status >= 0 || status == RegionCode.YIELDED ? null : afterStatus(status);
        if (stop != null) {
            return stop;
        }
        return watch ? watchHit(pc) : null;
    }

    private StopEvent watchHit(long pc) {
        for (WatchHit h : watching.drainHits()) {
            Condition c = h.watchpoint().condition();
            if (c == null || c.test(name -> switch (name) {
                case "value" -> h.newValue();
                case "old" -> h.oldValue();
                default -> register(name);
            })) {
                String how = h.write() ? "written" : "read";
                String msg = String.format("watchpoint %d: 0x%x %s (old 0x%x, new 0x%x) by instruction at 0x%x",
                        h.watchpoint().id(), h.address(), how, h.oldValue(), h.newValue(), pc);
                return new StopEvent(StopEvent.Kind.WATCHPOINT, ctx.state.pc(), msg, 0, h.watchpoint().id());
            }
        }
        return null;
    }

    /**
     * The event of a breakpoint (its condition holding) at the instruction about to run, or null. A
     * machine that runs the engine in slices asks before each slice but the one it resumes with,
     * since {@link #run} does not stop on its first pc.
     */
    public StopEvent breakpointHere() {
        return breakpointAt(ctx.state.pc());
    }

    /** True when a breakpoint is set at the debugger's address of engine pc {@code pc}. */
    private boolean breakpointWaits(long pc) {
        return points.hasBreakpoints() && points.hasBreakpointAt(frontend.debugAddress(pc));
    }

    private StopEvent breakpointAt(long pc) {
        if (!points.hasBreakpoints()) {
            return null;
        }
        for (Breakpoint b : points.breakpointsAt(frontend.debugAddress(pc))) {
            if (b.condition() == null || b.condition().test(this::register)) {
                return new StopEvent(StopEvent.Kind.BREAKPOINT, pc, "breakpoint " + b.id() + " at " + b.label(), 0, b.id());
            }
        }
        return null;
    }

    private long register(String name) {
        GuestState s = ctx.state;
        return s.layout().find(name).map(s::get)
                .orElseThrow(() -> new IllegalArgumentException("unknown register '" + name + "' in condition"));
    }

    private StopEvent afterStatus(int status) {
        return switch (status) {
            case RegionCode.YIELDED -> null;
            case RegionCode.STOPPED -> frontend.onStop(ctx.stopCode, ctx);
            default -> throw new IllegalStateException("region returned status " + status + " to the dispatcher");
        };
    }

    private CodeCache.Entry lookup(CodeCache cache, long pc, int maxInstructions) {
        CodeCache.Entry e = cache.get(pc);
        if (e == null) {
            Region r;
            try {
                r = frontend.decode(pc, new DecodeRequest(maxInstructions, this::breakpointWaits), ctx);
            } catch (GuestFault f) {
                if (f.pc() < 0) {
                    f.setPc(pc);
                }
                throw f;
            }
            stats.regionsDecoded++;
            if (frontend.guestWritesCode()) {
                for (CodeRange range : r.code()) {
                    memory.trackCode(range.start(), range.end());
                }
            }
            e = new CodeCache.Entry(pc, r, new InterpretedCode(r));
            cache.put(e);
            if (kind == EngineKind.JIT) {
                compile(e);
            }
        }
        return e;
    }

    /**
     * Runs a region once. In tiered mode an interpreted region runs for at most
     * {@link #HOT_LOOP_INSTRUCTIONS} before it yields at a back-edge; a region that yields so is
     * looping, and is compiled at once (entries alone never count a loop that stays inside).
     */
    private int execute(CodeCache.Entry e, long limit) {
        boolean tiering = kind == EngineKind.TIERED && !e.compiled() && !e.uncompilable;
        if (tiering && ++e.runs >= tierThreshold) {
            compile(e);
            tiering = false;
        }
        if (e.compiled()) {
            stats.compiledRuns++;
        } else {
            stats.interpretedRuns++;
        }
        ctx.instructionLimit = tiering && limit - ctx.instructions > HOT_LOOP_INSTRUCTIONS
                ? ctx.instructions + HOT_LOOP_INSTRUCTIONS : limit;
        int status = e.code().run(ctx, e.frame());
        if (tiering && status == RegionCode.YIELDED && ctx.instructions < limit && !ctx.interruptRequested) {
            compile(e);
        }
        return status;
    }

    private void compile(CodeCache.Entry e) {
        try {
            e.setCode(compiler.compile(e.region));
            stats.regionsCompiled++;
        } catch (IllegalArgumentException tooLarge) {
            e.uncompilable = true;
            stats.compileFailures++;
        }
    }
}
