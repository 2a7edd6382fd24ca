package dev.mimic.pc.config;

import dev.mimic.backend.machine.MachineException;

/** A command-line option the PC cannot accept, with a one-line message naming the option and the problem. */
public final class PcOptionsException extends MachineException {
    public PcOptionsException(String message) {
        super(message);
    }
}
