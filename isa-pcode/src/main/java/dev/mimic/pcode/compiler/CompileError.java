package dev.mimic.pcode.compiler;

/**
 * A compile-time error at a source position, printed the way editors and build tools link to
 * it: {@code file:line:col: message}, with line and column counted from 1.
 */
public record CompileError(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
