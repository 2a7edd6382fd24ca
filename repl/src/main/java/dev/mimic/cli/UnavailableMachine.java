package dev.mimic.cli;

import dev.mimic.backend.machine.Machine;
import dev.mimic.backend.machine.MachineException;

import java.io.InputStream;

/**
 * A machine that is planned but not built: its subcommand and options exist so that help shows
 * what is coming, and running it says so rather than pretending.
 */
abstract class UnavailableMachine extends MachineCommand {
    UnavailableMachine(Stdio io) {
        super(io);
    }

    @Override
    final Machine open(InputStream stdin) {
        throw new MachineException("this machine is not available yet");
    }

    @Override
    final int run() {
        throw new MachineException("this machine is not available yet");
    }
}
