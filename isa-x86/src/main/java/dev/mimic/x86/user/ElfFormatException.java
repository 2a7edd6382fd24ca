package dev.mimic.x86.user;

import dev.mimic.backend.machine.MachineException;

/**
 * A program file x86-user cannot load, with a one-line message {@code file: offset 0x34: what is wrong}
 * that the command line prints before exiting with status 2.
 */
public final class ElfFormatException extends MachineException {
    public ElfFormatException(String file, long offset, String what) {
        super(file + ": offset 0x" + Long.toHexString(offset) + ": " + what);
    }
}
