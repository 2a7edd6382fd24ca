package dev.mimic.forth.firmware;

/**
 * A firmware image that cannot be booted: its message is one line naming the file, the byte
 * offset of the offending field and the problem, for the command line to print as it is.
 */
public final class FirmwareFormatException extends Exception {
    public FirmwareFormatException(String file, long offset, String problem) {
        super(file + ": offset " + offset + ": " + problem);
    }
}
