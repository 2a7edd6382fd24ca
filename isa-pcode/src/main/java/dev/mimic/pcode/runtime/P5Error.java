package dev.mimic.pcode.runtime;

import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.ir.Effect;
import dev.mimic.backend.ir.Helper;

import java.util.Optional;

/**
 * The p-machine's runtime errors (pint's {@code errori} messages, spelled out). Each is raised as
 * a {@link GuestFault} of kind MACHINE whose code is the ordinal, so the machine can tell a
 * Pascal runtime error (which ends the run with the source line) from an interrupt (which can be
 * resumed).
 */
public enum P5Error {
    VALUE_OUT_OF_RANGE("value out of range"),
    SET_ELEMENT_OUT_OF_RANGE("set element out of range"),
    ARITHMETIC_OVERFLOW("arithmetic overflow"),
    ZERO_DIVIDE("division by zero"),
    MOD_DIVISOR("divisor of mod is not positive"),
    REAL_TOO_LARGE("real argument too large to convert to integer"),
    UNINITIALIZED_POINTER("uninitialized pointer"),
    NIL_DEREFERENCE("dereference of nil pointer"),
    BAD_POINTER("bad pointer value"),
    CASE_NO_LABEL("case selector matches no case label"),
    STACK_BALANCE("stack balance error at procedure return"),
    STORE_OVERFLOW("store overflow: stack and heap collide"),
    SET_INCLUSION("strict set inclusion is not allowed"),
    VARIANT_NOT_ACTIVE("variant not active"),
    CHANGE_TO_ALLOCATED_TAG("change to a tag field fixed by new"),
    CHANGE_TO_VAR_VARIANT("change to a variant referenced by a VAR parameter"),
    TAGGED_RECORD_ACCESS("access to a whole record allocated with tag values"),
    SYSTEM_ERROR("system error: heap block header damaged"),
    VAR_BLOCK_EMPTY("VAR block list empty"),
    PACK_OUT_OF_BOUNDS("pack: elements out of bounds"),
    UNPACK_OUT_OF_BOUNDS("unpack: elements out of bounds"),
    DISPOSE_UNINITIALIZED("dispose of an uninitialized pointer"),
    DISPOSE_NIL("dispose of nil pointer"),
    BLOCK_ALREADY_FREED("block already freed"),
    HEAP_INVALID("heap format invalid"),
    DISPOSE_VAR_BLOCK("dispose of a block referenced by a VAR parameter"),
    TAGS_MISMATCH("new/dispose tag values do not match"),
    BAD_HEAP_MARK("release to an invalid heap mark"),
    TOO_MANY_FILES("too many files"),
    FILE_NOT_WRITE_MODE("file not in write mode"),
    FILE_NOT_READ_MODE("file not in read mode"),
    FILE_NOT_OPEN("file is not open"),
    FILE_NOT_BOUND("file is not bound to an external file"),
    FILE_OPERATION("operation not allowed on this file"),
    END_OF_FILE("read past end of file"),
    INVALID_INTEGER("invalid integer format"),
    INPUT_OVERFLOW("input value overflows"),
    INVALID_REAL("invalid real format"),
    READ_OUT_OF_RANGE("value read out of range"),
    BUFFER_UNDEFINED("file buffer undefined"),
    VAR_FILE_BUFFER("file buffer referenced by a VAR parameter modified"),
    WIDTH("field width cannot be less than 1"),
    FRACTION("fraction digits cannot be less than 1"),
    LN_NOT_POSITIVE("cannot find ln of a number <= 0"),
    SQRT_NEGATIVE("cannot find sqrt of a number < 0"),
    IO_ERROR("i/o error"),
    PC_OUT_OF_RANGE("pc out of range"),
    ILLEGAL_INSTRUCTION("illegal instruction"),
    /** Not an error: a blocked read saw an interrupt request; the instruction can run again. */
    INTERRUPTED("interrupted");

    /** {@link #raise}, for IR: raises error {@code code} at instruction {@code pc}. */
    public static final Helper RAISE = Helper.of(P5Error.class, "raise", Effect.MAY_FAULT);

    private final String message;

    P5Error(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }

    /** A fault for this error with its standard message. */
    public GuestFault fault() {
        return GuestFault.machine(ordinal(), message);
    }

    /** A fault for this error with a more specific message. */
    public GuestFault fault(String detail) {
        return GuestFault.machine(ordinal(), detail);
    }

    /** Throws error {@code code} as a fault of the instruction at {@code pc}. */
    public static void raise(int code, int pc) {
        GuestFault f = values()[code].fault();
        f.setPc(pc);
        throw f;
    }

    /** The P5 error a fault stands for, if it is one. */
    public static Optional<P5Error> of(GuestFault f) {
        if (f.kind() != GuestFault.Kind.MACHINE || f.code() < 0 || f.code() >= values().length) {
            return Optional.empty();
        }
        return Optional.of(values()[f.code()]);
    }
}
