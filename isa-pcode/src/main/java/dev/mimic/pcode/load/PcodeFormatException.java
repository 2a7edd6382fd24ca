package dev.mimic.pcode.load;

/**
 * A malformed P5 intermediate file: an unknown instruction, a bad operand, an undefined label,
 * a program that does not fit in the store. The message is one line, {@code file:line: message},
 * ready for the terminal; the command line exits with status 2.
 */
public final class PcodeFormatException extends Exception {
    private final String file;
    private final int line;
    private final String detail;

    public PcodeFormatException(String file, int line, String detail) {
        super(file + ":" + line + ": " + detail);
        this.file = file;
        this.line = line;
        this.detail = detail;
    }

    /** The file as it was named to the loader. */
    public String file() {
        return file;
    }

    /** The 1-based line of the intermediate file. */
    public int line() {
        return line;
    }

    /** The message without the position. */
    public String detail() {
        return detail;
    }
}
