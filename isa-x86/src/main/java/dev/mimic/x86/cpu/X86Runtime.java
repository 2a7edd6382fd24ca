package dev.mimic.x86.cpu;

import dev.mimic.backend.exec.ExecutionContext;

/**
 * The helpers IR calls that involve the machine or end an instruction with an exception: raising an
 * exception and loading a segment register.
 */
public final class X86Runtime {
    private X86Runtime() {
    }

    /** Raises the exception {@code code} (vector, error code above it) at the current instruction. */
    public static void raise(int code) {
        throw Vector.raise(code & 0xFF, code >>> 8, switch (code & 0xFF) {
            case Vector.UD -> "invalid opcode";
            case Vector.GP -> "general protection";
            case Vector.BR -> "bound range exceeded";
            case Vector.OF -> "overflow";
            case Vector.DE -> "divide error";
            default -> "exception " + (code & 0xFF);
        });
    }

    /** Loads segment register {@code segment} with {@code selector} as the platform's tables say. */
    public static void loadSegment(ExecutionContext ctx, int segment, int selector) {
        ctx.machine(X86Platform.class).loadSegment(ctx, segment, selector & 0xFFFF);
    }
}
