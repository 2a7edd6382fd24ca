package dev.mimic.pcode.compiler.semantic;

import java.util.BitSet;

/** The value of a constant (ISO 7185 6.3), or of a set constructor whose members are constant. */
public sealed interface Constant {

    /** An ordinal value: integer, char code, Boolean 0/1, enumeration position, or nil. */
    record Ordinal(long value) implements Constant {
    }

    /**
     * A real constant. The literal's text is kept because P5 passes real constants to the
     * p-machine as written ({@code ldcr 1.5e3}), and the negation is done on the text.
     */
    record Real(String text) implements Constant {
        public Real negate() {
            return new Real(text.startsWith("-") ? text.substring(1) : "-" + text);
        }
    }

    /** A string of two or more characters (one character is a char constant, 6.1.7). */
    record Text(String value) implements Constant {
    }

    /** The members of a constant set. */
    record SetValue(BitSet members) implements Constant {
    }
}
