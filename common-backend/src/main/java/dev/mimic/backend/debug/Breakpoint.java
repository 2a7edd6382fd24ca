package dev.mimic.backend.debug;

/**
 * A breakpoint: stop before executing the guest instruction at {@code address}, when the optional
 * condition holds.
 *
 * @param label how the user named the place (a symbol or {@code file:line}), for listings
 */
public record Breakpoint(int id, long address, String label, Condition condition) {
}
