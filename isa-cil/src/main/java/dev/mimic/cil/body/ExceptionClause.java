package dev.mimic.cil.body;

import dev.mimic.cil.metadata.Token;

/**
 * One protected region and its handler (ECMA-335 II.25.4.6), offsets in bytes from the start of the
 * method's code. {@code catchType} is set for {@link Kind#CATCH}, {@code filterOffset} for
 * {@link Kind#FILTER}.
 */
public record ExceptionClause(Kind kind, int tryOffset, int tryLength, int handlerOffset, int handlerLength,
        Token catchType, int filterOffset) {

    /** The clause flags of II.25.4.6. */
    public enum Kind {
        CATCH, FILTER, FINALLY, FAULT
    }
}
