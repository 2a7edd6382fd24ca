package dev.mimic.pc.boot;

import dev.mimic.backend.machine.MachineException;

/**
 * A kernel image (or initrd) the loader cannot use, with a one-line message
 * {@code file: offset 0x206: what is wrong} that the command line prints before exiting.
 */
public final class BootImageException extends MachineException {
    public BootImageException(String file, long offset, String what) {
        super(file + ": offset 0x" + Long.toHexString(offset) + ": " + what);
    }

    /** A problem with the image as a whole (it does not fit), with no particular offset. */
    public BootImageException(String file, String what) {
        super(file + ": " + what);
    }
}
