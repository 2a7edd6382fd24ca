package dev.mimic.x86.user;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.exec.RegionCompiler;
import dev.mimic.backend.exec.StopEvent;
import dev.mimic.backend.machine.MachineException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code mimic x86-user PROGRAM [ARGS...]}: runs a static i386 Linux program as qemu-i386 does, its
 * system calls served on the host. {@link #run} returns the exit status a shell would see: the
 * program's own, or 128 plus the signal that killed it (after printing the signal's name as a shell
 * does). {@link #load} gives the machine for the debugger.
 */
public final class UserModeRunner {
    /**
     * How to run the program.
     *
     * @param environment the guest's environment, {@code NAME=value} strings
     * @param maxSteps    the instruction budget ({@link Long#MAX_VALUE} for none)
     * @param strace      log each system call on {@code stderr}
     */
    public record Options(EngineKind engine, RegionCompiler compiler, int tierThreshold, long maxSteps, Path program,
                          List<String> arguments, List<String> environment, InputStream stdin, PrintStream stdout,
                          PrintStream stderr, boolean strace) {
        public Options {
            arguments = List.copyOf(arguments);
            environment = List.copyOf(environment);
        }
    }

    /** The exit status when the instruction budget ran out (as timeout(1) reports a timeout). */
    public static final int BUDGET_EXHAUSTED = 124;

    private UserModeRunner() {
    }

    /**
     * Loads the program into a new machine, stopped at its entry point.
     *
     * @throws MachineException (an {@link ElfFormatException} for a malformed file) with a one-line message
     */
    public static UserMachine load(Options options) {
        return new UserMachine(options, image(options.program()));
    }

    /** Loads and runs the program to its end; returns its exit status. */
    public static int run(Options options) {
        return run(load(options));
    }

    /**
     * Runs a loaded machine to its end (or its instruction budget); returns the exit status. For a
     * caller that wants the machine afterwards, as {@code --stats} does.
     */
    public static int run(UserMachine machine) {
        Options options = machine.options();
        StopEvent stop = runDeliveringSignals(machine, options.maxSteps());
        options.stdout().flush();
        return switch (stop.kind()) {
            case EXITED -> stop.exitCode();
            case FAULTED -> {
                options.stderr().println(machine.terminatingSignal().description());
                yield 128 + machine.terminatingSignal().number();
            }
            default -> {
                options.stderr().println("x86-user: stopped at 0x" + Long.toHexString(stop.pc()) + ": " + stop.message());
                yield BUDGET_EXHAUSTED;
            }
        };
    }

    /**
     * Runs the engine; when the interval timer interrupted it for a signal, delivers the signal and
     * runs on (an interrupt with no signal behind it, such as Ctrl-C, stops the run).
     */
    private static StopEvent runDeliveringSignals(UserMachine machine, long maxSteps) {
        long start = machine.engine().context().instructions;
        for (;;) {
            long used = machine.engine().context().instructions - start;
            StopEvent stop = machine.engine().runKeepingInterrupt(maxSteps == Long.MAX_VALUE ? maxSteps : Math.max(0, maxSteps - used));
            if (stop.kind() != StopEvent.Kind.INTERRUPTED || !machine.takeSignalInterrupt()) {
                return stop;
            }
            StopEvent end = machine.deliverArrivedSignals();
            if (end != null) {
                return end;
            }
        }
    }

    static ElfImage image(Path program) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(program);
        } catch (IOException e) {
            throw new MachineException(program + ": cannot read: " + e.getMessage(), e);
        }
        return ElfImage.parse(program.toString(), bytes);
    }
}
