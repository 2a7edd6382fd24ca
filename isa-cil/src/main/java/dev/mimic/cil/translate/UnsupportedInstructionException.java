package dev.mimic.cil.translate;

/**
 * Valid IL the translator cannot express yet: an instruction without semantics, or a form of one
 * (an instance call, a float conversion) not yet implemented. Names the method and the instruction.
 */
public final class UnsupportedInstructionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedInstructionException(String message) {
        super(message);
    }
}
