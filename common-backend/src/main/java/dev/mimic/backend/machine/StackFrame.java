package dev.mimic.backend.machine;

import java.util.List;

/**
 * One activation in a machine's call chain.
 *
 * @param procedure     the procedure's name
 * @param pc            where execution is (innermost) or resumes (outer frames)
 * @param returnAddress where the caller resumes when this frame returns, or -1 if unknown
 * @param variables     named parameters and locals with their formatted values
 */
public record StackFrame(String procedure, long pc, long returnAddress, List<Variable> variables) {
    /** A named value shown by {@code bt} and {@code info locals}. */
    public record Variable(String name, String value) {
    }
}
