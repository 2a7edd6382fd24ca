package dev.mimic.backend.exec;

/**
 * A managed guest exception in flight ({@link dev.mimic.backend.ir.Op#THROW}): carries the guest's
 * exception object to the nearest handler block, across regions and calls.
 */
public final class GuestThrow extends RuntimeException {
    private final transient Object exception;

    public GuestThrow(Object exception) {
        super(null, null, false, false);
        this.exception = exception;
    }

    public Object exception() {
        return exception;
    }

    @Override
    public String getMessage() {
        return "guest exception " + exception;
    }
}
