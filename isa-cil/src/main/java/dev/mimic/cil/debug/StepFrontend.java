package dev.mimic.cil.debug;

import dev.mimic.backend.exec.DecodeRequest;
import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frontend;
import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.exec.StopEvent;
import dev.mimic.backend.ir.Effect;
import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.state.StateLayout;
import dev.mimic.cil.runtime.CilRuntime;

/**
 * The workbench engine's view of a CIL program: every pc is a region of one instruction whose only
 * work is to let the program (which runs in its own runtime, interpreted or compiled) go on to its
 * next stop, and whose exit is that stop's pc. Breakpoints, instruction counts and stepping thus
 * work as on every other machine; the end of the program is a fault the machine turns into an exit.
 */
public final class StepFrontend implements Frontend {
    private static final Helper ADVANCE = Helper.of(StepFrontend.class, "advance", Effect.MAY_FAULT);

    /** Runs the program to its next stop and returns its pc; its end is a machine fault. */
    public static long advance(ExecutionContext ctx) {
        return ctx.machine(CilMachine.class).advance();
    }

    @Override
    public StateLayout layout() {
        return CilRuntime.LAYOUT;
    }

    @Override
    public Region decode(long pc, DecodeRequest request, ExecutionContext ctx) {
        RegionBuilder b = new RegionBuilder("cil@" + Long.toHexString(pc), pc);
        b.insn(pc);
        Temp next = b.helper(ADVANCE);
        b.exit(next, 0);
        return b.build();
    }

    @Override
    public boolean guestWritesCode() {
        return false;
    }

    @Override
    public StopEvent onFault(GuestFault fault, ExecutionContext ctx) {
        return ctx.machine(CilMachine.class).ended(fault);
    }

    @Override
    public StopEvent onStop(int code, ExecutionContext ctx) {
        throw new IllegalStateException("CIL step regions have no STOP");
    }
}
