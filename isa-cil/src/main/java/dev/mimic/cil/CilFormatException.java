package dev.mimic.cil;

/**
 * A malformed assembly: truncated, corrupt, or inconsistent with ECMA-335. The message is one line a
 * user can act on, {@code file: location: what is wrong}, where the location is a metadata table row
 * ({@code TypeDef row 12}) or a file offset ({@code offset 0x1f4}). Unchecked, because every layer of
 * the loader can raise it and the command line turns it into exit code 2.
 */
public final class CilFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String location;
    private final String detail;

    public CilFormatException(String file, String location, String detail) {
        super(file + ": " + location + ": " + detail);
        this.file = file;
        this.location = location;
        this.detail = detail;
    }

    /** The name of the assembly file, as the user gave it. */
    public String file() {
        return file;
    }

    /** Where in the file: a table row or an offset. */
    public String location() {
        return location;
    }

    /** What is wrong there. */
    public String detail() {
        return detail;
    }
}
