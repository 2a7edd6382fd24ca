package dev.mimic.cil.translate;

/**
 * IL that decodes but breaks the rules of ECMA-335 III.1.7 (stack underflow, inconsistent stack
 * shapes at a join, an argument or local that does not exist), the CLI's InvalidProgramException.
 */
public final class InvalidProgramException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidProgramException(String message) {
        super(message);
    }
}
