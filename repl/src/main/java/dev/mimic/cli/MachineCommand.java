package dev.mimic.cli;

import dev.mimic.backend.machine.Machine;
import dev.mimic.repl.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A machine subcommand. The same class serves {@code mimic <machine> ...}, which runs the guest to
 * its end and exits with its status, and {@code mimic debug <machine> ...}, which opens the
 * workbench on it; so each machine declares its options once. Errors the user can fix (a missing
 * file, a malformed program) are {@link dev.mimic.backend.machine.MachineException}s.
 */
abstract class MachineCommand implements Callable<Integer> {
    @Mixin
    EngineOptions engine;

    @Spec
    CommandSpec spec;

    final Stdio io;

    MachineCommand(Stdio io) {
        this.io = io;
    }

    /** Builds the machine with its program loaded, at the program's start; the guest reads {@code stdin}. */
    abstract Machine open(InputStream stdin);

    /** Workbench commands only this machine has, for {@code mimic debug}; {@code machine} is what {@link #open} built. */
    List<Command> machineCommands(Machine machine) {
        return List.of();
    }

    /** Runs the guest to its end on the process's streams; returns the guest's exit status. */
    abstract int run();

    @Override
    public final Integer call() throws Exception {
        if (spec.parent().userObject() instanceof DebugCommand debug) {
            return debug.debug(this);
        }
        return run();
    }
}
