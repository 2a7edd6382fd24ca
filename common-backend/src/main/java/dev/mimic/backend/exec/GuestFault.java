package dev.mimic.backend.exec;

/**
 * A fault raised by guest code: a bad memory access, integer division by zero, a null managed
 * reference, or a machine-defined condition raised by a helper. It is an event of the guest, not a
 * host error: the engine restores the precise state at the faulting instruction, sets
 * {@link #pc()}, and hands the fault to the machine (which may deliver it to the guest, as x86
 * exceptions are, or stop with a runtime error, as the p-machine does).
 */
public class GuestFault extends RuntimeException {
    /** What went wrong. */
    public enum Kind {
        /** An access outside guest memory or one the memory model refuses. */
        MEMORY,
        DIVIDE_BY_ZERO,
        NULL_REFERENCE,
        ARRAY_INDEX,
        NEGATIVE_ARRAY_SIZE,
        /** A watched memory access (handled by the engine, never seen by machines). */
        WATCH,
        /** A machine-defined fault; {@link #code()} says which. */
        MACHINE
    }

    private final Kind kind;
    private final long address;
    private final int code;
    private long pc = -1;

    public GuestFault(Kind kind, long address, int code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.address = address;
        this.code = code;
    }

    public static GuestFault memory(long address, String what) {
        return new GuestFault(Kind.MEMORY, address, 0, what + " at 0x" + Long.toHexString(address));
    }

    public static GuestFault machine(int code, String message) {
        return new GuestFault(Kind.MACHINE, 0, code, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The faulting guest address, for memory faults. */
    public long address() {
        return address;
    }

    /** The machine-defined code of a MACHINE fault. */
    public int code() {
        return code;
    }

    /** The address of the faulting guest instruction, once the engine has set it. */
    public long pc() {
        return pc;
    }

    public void setPc(long pc) {
        this.pc = pc;
    }
}
