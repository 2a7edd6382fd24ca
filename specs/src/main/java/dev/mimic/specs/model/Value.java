package dev.mimic.specs.model;

/**
 * One value of an entry, as written in the {@code .isa} file. The common keys have typed accessors on
 * {@link Instruction}; machine-specific keys keep their values in this form so that the frontend which
 * knows the key can interpret them without the language having to.
 */
public sealed interface Value {

    /** A string literal, with its escapes ({@code \"}, {@code \\}) resolved. */
    record Text(String text) implements Value {}

    /** An integer literal, written in decimal or as {@code 0x} hex. */
    record Int(long value) implements Value {}

    /** A bare identifier such as {@code Eb} or {@code ldc.i4.0}. */
    record Name(String name) implements Value {}

    /** A {@code name:kind} pair such as {@code p:level}. */
    record Pair(String name, String kind) implements Value {}
}
