package dev.mimic.pcode.runtime;

import dev.mimic.backend.ir.Effect;
import dev.mimic.backend.ir.Helper;

/** The arithmetic functions of ISO 7185 6.6.6.2 that the p-machine calls through {@code csp}. */
public final class Maths {
    public static final Helper SIN = Helper.of(Maths.class, "sin");
    public static final Helper COS = Helper.of(Maths.class, "cos");
    public static final Helper EXP = Helper.of(Maths.class, "exp");
    public static final Helper LN = Helper.of(Maths.class, "ln", Effect.MAY_FAULT);
    public static final Helper SQRT = Helper.of(Maths.class, "sqrt", Effect.MAY_FAULT);
    public static final Helper ARCTAN = Helper.of(Maths.class, "arctan");

    private Maths() {
    }

    public static double sin(double x) {
        return Math.sin(x);
    }

    public static double cos(double x) {
        return Math.cos(x);
    }

    public static double exp(double x) {
        return Math.exp(x);
    }

    public static double ln(double x) {
        if (x <= 0) {
            throw P5Error.LN_NOT_POSITIVE.fault();
        }
        return Math.log(x);
    }

    public static double sqrt(double x) {
        if (x < 0) {
            throw P5Error.SQRT_NEGATIVE.fault();
        }
        return Math.sqrt(x);
    }

    public static double arctan(double x) {
        return Math.atan(x);
    }
}
