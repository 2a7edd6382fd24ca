package dev.mimic.cil.debug;

import dev.mimic.cil.assembly.Assembly;
import dev.mimic.cil.model.RuntimeMethod;
import dev.mimic.cil.runtime.CilProgram;
import dev.mimic.cil.runtime.StopShape;
import dev.mimic.cil.runtime.Stepper;
import dev.mimic.cil.translate.UnsupportedInstructionException;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.SynchronousQueue;

/**
 * The program on a thread of its own, handing control to the debugger at every stop in the
 * program's own methods (the class library runs through) and waiting there until told to go on.
 * Only one side runs at a time, so the program's state is never read while it changes.
 */
final class Debuggee implements Stepper {
    /** Guest threads recurse as deeply as the program does. */
    private static final long STACK_BYTES = 1L << 28;

    /** What the debugger learns when the program gives control back. */
    sealed interface Event permits Stop, Finished {
    }

    /** The program is about to run the instruction at {@code pc}; {@code frames} innermost first. */
    record Stop(long pc, List<Activation> frames) implements Event {
    }

    /** The program ended with {@code status}, or failed to run with {@code failure} (null if it did not). */
    record Finished(int status, String failure) implements Event {
    }

    /** A call of a stepped method and the values at its latest stop. */
    record Activation(RuntimeMethod method, long pc, StopShape shape, long[] values, Object[] refs) {
    }

    private final CilProgram program;
    private final Assembly assembly;
    private final List<String> arguments;
    private final PrintStream err;
    private final Deque<Activation> frames = new ArrayDeque<>();
    private final SynchronousQueue<Event> events = new SynchronousQueue<>();
    private final SynchronousQueue<Boolean> resumes = new SynchronousQueue<>();
    private Thread thread;
    private Finished finished;

    Debuggee(CilProgram program, Assembly assembly, List<String> arguments, PrintStream err) {
        this.program = program;
        this.assembly = assembly;
        this.arguments = List.copyOf(arguments);
        this.err = err;
        program.runtime().setStepper(this);
    }

    /** Lets the program run to its next stop or its end (starting it the first time). */
    Event advance() {
        if (finished != null) {
            return finished;
        }
        if (thread == null) {
            thread = new Thread(null, this::runProgram, "cil-program", STACK_BYTES);
            thread.setDaemon(true);
            thread.start();
        } else {
            put(resumes, Boolean.TRUE);
        }
        Event event = take(events);
        if (event instanceof Finished f) {
            finished = f;
        }
        return event;
    }

    private void runProgram() {
        Finished end;
        try {
            end = new Finished(program.run(arguments, err), null);
        } catch (UnsupportedInstructionException e) {
            end = new Finished(1, "not supported yet: " + e.getMessage());
        }
        put(events, end);
    }

    @Override
    public boolean steps(RuntimeMethod method) {
        return method.owner().assembly() == assembly;
    }

    @Override
    public void enter(RuntimeMethod method) {
        frames.push(new Activation(method, Symbols.pc(method.definition().row(), 0), null, new long[0], new Object[0]));
    }

    @Override
    public void leave() {
        frames.pop();
    }

    @Override
    public void stop(long pc, StopShape shape, long[] values, Object[] refs) {
        Activation top = frames.pop();
        frames.push(new Activation(top.method(), pc, shape, values, refs));
        program.runtime().out().flush();
        put(events, new Stop(pc, List.copyOf(frames)));
        take(resumes);
    }

    private static <T> void put(SynchronousQueue<T> queue, T value) {
        try {
            queue.put(value);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing over control of the CIL program", e);
        }
    }

    private static <T> T take(SynchronousQueue<T> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing over control of the CIL program", e);
        }
    }
}
