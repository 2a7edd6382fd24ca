package dev.mimic.pcode.decode;

import dev.mimic.backend.exec.CalledRegions;
import dev.mimic.backend.exec.DecodeRequest;
import dev.mimic.backend.exec.Engine;
import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frontend;
import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.exec.StopEvent;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.state.StateLayout;
import dev.mimic.pcode.load.PcodeProgram;
import dev.mimic.pcode.runtime.P5Error;
import dev.mimic.pcode.runtime.P5Runtime;
import dev.mimic.pcode.runtime.Registers;

import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

/**
 * The p-machine as the engine sees it: registers, a decoder from the code store to regions, and
 * what faults and stops mean. A runtime error ends the run with one line naming the error and
 * the Pascal source line; an interrupted console read leaves the machine before the read. Either
 * way the pc register points at the faulting instruction, where a debugger shows it.
 */
public final class P5Frontend implements Frontend {
    /**
     * IR instructions a region may have: the JIT's bytecode limit divided by what one usually
     * takes, and lower still because HotSpot inlines fewer memory accesses into a larger region
     * (650 against 800 took dhry and queens from about 6.0 and 4.6 CPU seconds to 4.9 and 3.8 in
     * alternating runs, qsort from 5.3 to 6.0).
     */
    private static final int MAX_IR_LENGTH = 650;
    private static final int MIN_INSTRUCTIONS = 16;

    private final PcodeProgram program;
    private CalledRegions calls;
    private BooleanSupplier callsAllowed = () -> false;

    public P5Frontend(PcodeProgram program) {
        this.program = program;
    }

    /**
     * Makes procedure calls JVM calls of the procedures' called regions in {@code calls} while
     * {@code allowed} holds (no breakpoints are set); single steps always go through the dispatcher.
     */
    public void callThrough(CalledRegions calls, BooleanSupplier allowed) {
        this.calls = calls;
        this.callsAllowed = allowed;
    }

    @Override
    public StateLayout layout() {
        return Registers.LAYOUT;
    }

    /**
     * Decodes the region at {@code pc}. A region whose IR is so long that the JIT would refuse it
     * is decoded again with fewer instructions, so hot code is never stuck in the interpreter
     * because of a long stretch of set or real arithmetic.
     */
    @Override
    public Region decode(long pc, DecodeRequest request, ExecutionContext ctx) {
        boolean jvmCalls = calls != null && request.maxInstructions() > 1 && callsAllowed.getAsBoolean();
        return decode(pc, request, ctx, jvmCalls ? calls : null, false);
    }

    /** Decodes the called region of the procedure at {@code entry} (see {@link #callThrough}). */
    public Region decodeCalled(long entry, ExecutionContext ctx) {
        return decode(entry, new DecodeRequest(Engine.MAX_REGION_INSTRUCTIONS, at -> false), ctx, calls, true);
    }

    private Region decode(long pc, DecodeRequest request, ExecutionContext ctx, CalledRegions calls, boolean called) {
        DecodeRequest r = request;
        for (;;) {
            Region region = new RegionDecoder(program, ctx.memory, r, pc, calls, called).decode();
            int length = irLength(region);
            if (r.maxInstructions() <= MIN_INSTRUCTIONS || length <= MAX_IR_LENGTH) {
                return region;
            }
            // Fewer instructions in proportion to the excess, and a tenth less, so the next try
            // usually fits while the region stays as long as the JIT allows.
            int fewer = (int) ((long) region.guestInstructions() * MAX_IR_LENGTH * 9 / (10L * length));
            r = new DecodeRequest(Math.max(MIN_INSTRUCTIONS, Math.min(fewer, r.maxInstructions() - 1)), r.stopBefore());
        }
    }

    private static int irLength(Region region) {
        return region.blocks().stream().mapToInt(b -> b.insns().size()).sum();
    }

    @Override
    public StopEvent onFault(GuestFault fault, ExecutionContext ctx) {
        P5Runtime runtime = (P5Runtime) ctx.machine;
        ctx.state.setPc(fault.pc());
        if (P5Error.of(fault).orElse(null) == P5Error.INTERRUPTED) {
            ctx.interruptRequested = false;
            runtime.flushConsole();
            return StopEvent.of(StopEvent.Kind.INTERRUPTED, fault.pc(), "interrupted");
        }
        runtime.finish();
        return StopEvent.faulted(fault.pc(), where(fault.pc()) + ": runtime error: " + describe(fault));
    }

    /**
     * No: a Pascal program cannot address its code or the constants, so nothing it stores can
     * change decoded code (the machine invalidates on debugger writes itself).
     */
    @Override
    public boolean guestWritesCode() {
        return false;
    }

    @Override
    public StopEvent onStop(int code, ExecutionContext ctx) {
        ((P5Runtime) ctx.machine).finish();
        return StopEvent.exited(ctx.state.pc(), code);
    }

    /** {@code prog.pas:12}, {@code line 12} when the source file is not known, or the address. */
    public String where(long pc) {
        OptionalInt line = program.sourceLine(pc);
        if (line.isEmpty()) {
            return program.sourceName() + ": pc " + pc;
        }
        return program.pascalSource().map(s -> s + ":" + line.getAsInt()).orElse("line " + line.getAsInt());
    }

    private static String describe(GuestFault fault) {
        return switch (fault.kind()) {
            case MACHINE -> fault.getMessage();
            case DIVIDE_BY_ZERO -> P5Error.ZERO_DIVIDE.message();
            case MEMORY -> "store address " + fault.address() + " out of range";
            default -> fault.getMessage();
        };
    }
}
