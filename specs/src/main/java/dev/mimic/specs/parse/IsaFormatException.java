package dev.mimic.specs.parse;

/**
 * A malformed {@code .isa} file. The message is one line, {@code file:line:col: detail}, in the form
 * compilers use, so editors and terminals can jump to the spot; lines and columns count from 1.
 * Unchecked because specs ship as resources: a malformed one is a build defect, not a runtime condition.
 */
public final class IsaFormatException extends RuntimeException {

    private final String source;
    private final int line;
    private final int column;
    private final String detail;

    public IsaFormatException(String source, int line, int column, String detail) {
        super(source + ":" + line + ":" + column + ": " + detail);
        this.source = source;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    /** The file the error is in, as named to the loader (the resource path for {@link IsaSpecs#load}). */
    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without its position. */
    public String detail() {
        return detail;
    }
}
