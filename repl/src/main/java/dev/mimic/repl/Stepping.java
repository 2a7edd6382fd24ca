package dev.mimic.repl;

import dev.mimic.backend.debug.Breakpoint;
import dev.mimic.backend.exec.Engine;
import dev.mimic.backend.exec.StopEvent;
import dev.mimic.backend.machine.StackFrame;

import dev.mimic.backend.machine.SourcePosition;

import java.util.List;
import java.util.Optional;

/**
 * The commands that run the guest: {@code step}, {@code next} (by source line where the machine
 * knows lines, else by instruction), {@code stepi}, {@code nexti}, {@code finish}, {@code continue}
 * and {@code reset}. Stepping over and out of calls uses the machine's call stack, so it works on every
 * machine that describes one: a temporary breakpoint at the frame's return address, resumed while
 * the stack is still deeper than where we started (a recursive call returns through the same
 * address before the frame we care about does). The guest runs through the machine's
 * {@link dev.mimic.backend.machine.Machine#resume} and {@code step}, so a PC's devices run too.
 */
final class Stepping {
    private Stepping() {
    }

    static void step(Workbench wb, Invocation inv) {
        steps(wb, inv, false, true);
    }

    static void next(Workbench wb, Invocation inv) {
        steps(wb, inv, true, true);
    }

    static void stepInstruction(Workbench wb, Invocation inv) {
        steps(wb, inv, false, false);
    }

    static void nextInstruction(Workbench wb, Invocation inv) {
        steps(wb, inv, true, false);
    }

    /**
     * Executes N source lines (where the machine knows them and {@code byLine}) or N instructions,
     * each call run through to its return when {@code overCalls}; stops early at any event.
     */
    private static void steps(Workbench wb, Invocation inv, boolean overCalls, boolean byLine) {
        wb.requireRunnable();
        int n = Arguments.count(inv.args(), 1);
        StopEvent e = null;
        wb.beforeRun();
        for (int i = 0; i < n && !wb.interrupted() && (e == null || e.kind() == StopEvent.Kind.STEPPED); i++) {
            Optional<SourcePosition> line = byLine ? wb.machine().sourcePosition(Listing.pc(wb.machine())) : Optional.empty();
            e = line.isPresent() ? stepLine(wb, line.get(), overCalls) : stepOnce(wb, overCalls);
        }
        wb.showStop(interruptedOr(wb, e));
    }

    private static StopEvent stepOnce(Workbench wb, boolean overCalls) {
        return overCalls ? stepOver(wb) : wb.machine().step();
    }

    /**
     * Steps instructions until the source line changes: into a procedure (a deeper frame, when not
     * stepping over calls), back to a caller (a shallower frame), or to another line of this one.
     * Bounded by the session's run budget, so a line that loops forever stops with a message.
     */
    private static StopEvent stepLine(Workbench wb, SourcePosition from, boolean overCalls) {
        int depth = wb.machine().callStack().size();
        long start = wb.engine().context().instructions;
        for (;;) {
            StopEvent e = stepOnce(wb, overCalls);
            if (e.kind() != StopEvent.Kind.STEPPED || wb.interrupted()) {
                return e;
            }
            Optional<SourcePosition> now = wb.machine().sourcePosition(e.pc());
            int nowDepth = wb.machine().callStack().size();
            if (now.isPresent() && (!now.get().equals(from) || nowDepth != depth)) {
                return e;
            }
            if (wb.engine().context().instructions - start >= wb.runBudget()) {
                return StopEvent.of(StopEvent.Kind.LIMIT, e.pc(), "line did not end within the step budget");
            }
        }
    }

    private static StopEvent stepOver(Workbench wb) {
        int depth = wb.machine().callStack().size();
        StopEvent e = wb.machine().step();
        List<StackFrame> now = wb.machine().callStack();
        if (e.kind() == StopEvent.Kind.STEPPED && now.size() > depth && now.get(0).returnAddress() >= 0) {
            return runToReturn(wb, now.get(0).returnAddress(), depth);
        }
        return e;
    }

    static void finish(Workbench wb, Invocation inv) {
        Arguments.none(inv);
        wb.requireRunnable();
        List<StackFrame> stack = wb.machine().callStack();
        if (stack.isEmpty()) {
            throw new CommandException("this machine shows no call stack");
        }
        if (stack.get(0).returnAddress() < 0) {
            throw new CommandException("not meaningful in the outermost frame");
        }
        wb.out().println("Run till exit from #0 " + Inspection.frame(wb, stack.get(0)));
        wb.beforeRun();
        wb.showStop(runToReturn(wb, stack.get(0).returnAddress(), stack.size() - 1));
    }

    static void cont(Workbench wb, Invocation inv) {
        Arguments.none(inv);
        wb.requireRunnable();
        wb.beforeRun();
        wb.showStop(wb.machine().resume(wb.runBudget()));
    }

    static void reset(Workbench wb, Invocation inv) {
        Arguments.none(inv);
        wb.machine().reset();
        wb.stateReplaced();
        wb.out().println(Listing.current(wb.machine()));
    }

    /**
     * Runs until the instruction at {@code returnAddress} is about to run with the call stack at
     * most {@code depth} frames deep; that arrival is reported as a plain step. Other stops
     * (breakpoints, the program's end, Ctrl-C, the budget) end the run as they are.
     */
    private static StopEvent runToReturn(Workbench wb, long returnAddress, int depth) {
        Engine engine = wb.engine();
        Breakpoint back = engine.debugPoints().addInternalBreakpoint(returnAddress);
        long start = engine.context().instructions;
        try {
            for (;;) {
                StopEvent e = wb.machine().resume(wb.runBudget() - (engine.context().instructions - start));
                if (e.kind() != StopEvent.Kind.BREAKPOINT || e.id() != back.id()) {
                    return e;
                }
                if (wb.machine().callStack().size() <= depth) {
                    return StopEvent.of(StopEvent.Kind.STEPPED, e.pc(), "returned");
                }
                if (wb.interrupted()) {
                    return StopEvent.of(StopEvent.Kind.INTERRUPTED, e.pc(), "interrupted");
                }
            }
        } finally {
            engine.debugPoints().delete(back.id());
        }
    }

    /** A stepping loop cut short by Ctrl-C ends as an interruption, not as a plain step; {@code e} is null if no step ran. */
    private static StopEvent interruptedOr(Workbench wb, StopEvent e) {
        return e == null || wb.interrupted() && e.kind() == StopEvent.Kind.STEPPED
                ? StopEvent.of(StopEvent.Kind.INTERRUPTED, Listing.pc(wb.machine()), "interrupted") : e;
    }
}
