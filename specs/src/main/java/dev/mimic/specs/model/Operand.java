package dev.mimic.specs.model;

/**
 * One operand of an instruction: {@code p:level} gives name {@code p} and kind {@code level}. A bare
 * operand such as x86's {@code Eb} names its own kind (Intel notation already says what it is), so
 * frontends can always dispatch on {@link #kind()}. Kinds are free identifiers that only the machine's
 * frontend interprets.
 */
public record Operand(String name, String kind) {}
