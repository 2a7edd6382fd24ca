package dev.mimic.forth.exception;

import dev.mimic.backend.exec.GuestFault;

/**
 * A Forth exception raised by host code (a helper, the decoder, the dictionary): a guest fault
 * whose code is the THROW code. The machine turns it into a THROW in the guest, so CATCH sees it
 * exactly as if the word had executed {@code n THROW}.
 */
public final class ForthError extends GuestFault {
    public ForthError(int code) {
        this(code, ThrowCode.message(code));
    }

    public ForthError(int code, String message) {
        super(Kind.MACHINE, 0, code, message);
    }
}
