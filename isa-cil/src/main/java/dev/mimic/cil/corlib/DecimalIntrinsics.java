package dev.mimic.cil.corlib;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.ir.ManagedObject;
import dev.mimic.cil.model.RuntimeType;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * {@code System.Decimal}'s formatting and parsing, culture-invariant like the other numbers' (its
 * arithmetic runs on mscorlib's own CIL). A decimal is mscorlib's struct: a 96-bit magnitude in
 * {@code lo}, {@code mid}, {@code hi}, and in {@code flags} the scale (bits 16-23) and sign (bit 31).
 */
public final class DecimalIntrinsics {
    private static final int MAX_SCALE = 28;
    private static final BigInteger MAX_MAGNITUDE = BigInteger.ONE.shiftLeft(96).subtract(BigInteger.ONE);

    private DecimalIntrinsics() {
    }

    @Intrinsic({"System.Decimal::ToString()", "System.Decimal::ToString(System.IFormatProvider)"})
    public static Object decimalToString(ExecutionContext ctx, Object self) {
        return text(ctx, (ManagedObject) self, null);
    }

    @Intrinsic({"System.Decimal::ToString(string)", "System.Decimal::ToString(string,System.IFormatProvider)"})
    public static Object decimalFormat(ExecutionContext ctx, Object self, Object format) {
        return text(ctx, (ManagedObject) self, (String) format);
    }

    @Intrinsic("System.Console::WriteLine(System.Decimal)")
    public static void writeLine(ExecutionContext ctx, Object value) {
        ConsoleIntrinsics.writeLineObject(ctx, text(ctx, (ManagedObject) value, null));
    }

    /** A decimal in {@code format} (null: G). */
    static String text(ExecutionContext ctx, ManagedObject value, String format) {
        return Text.decimal(value(ctx, value), format);
    }

    /** Convert.ToDecimal(string): Parse, but null is zero. */
    @Intrinsic("System.Convert::ToDecimal(string)")
    public static Object convert(ExecutionContext ctx, Object s) {
        return s == null ? of(ctx, BigDecimal.ZERO) : parse(ctx, s);
    }

    @Intrinsic("System.Decimal::Parse(string)")
    public static Object parse(ExecutionContext ctx, Object s) {
        if (s == null) {
            throw Text.rt(ctx).exceptions().raise("ArgumentNullException", "Value cannot be null.\nParameter name: s");
        }
        BigDecimal v;
        try {
            v = new BigDecimal(((String) s).strip());
        } catch (NumberFormatException e) {
            throw Text.rt(ctx).exceptions().format("Input string was not in a correct format.");
        }
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        if (v.scale() > MAX_SCALE) {
            v = v.setScale(MAX_SCALE, java.math.RoundingMode.HALF_EVEN);
        }
        if (v.unscaledValue().abs().compareTo(MAX_MAGNITUDE) > 0) {
            throw Text.rt(ctx).exceptions().raise("OverflowException", "Value was either too large or too small for a Decimal.");
        }
        return of(ctx, v);
    }

    private static BigDecimal value(ExecutionContext ctx, ManagedObject d) {
        RuntimeType type = decimalType(ctx);
        int flags = (int) d.primitives[type.field("flags").cell().index()];
        BigInteger magnitude = BigInteger.valueOf(Integer.toUnsignedLong((int) d.primitives[type.field("hi").cell().index()]))
                .shiftLeft(32).or(BigInteger.valueOf(Integer.toUnsignedLong((int) d.primitives[type.field("mid").cell().index()])))
                .shiftLeft(32).or(BigInteger.valueOf(Integer.toUnsignedLong((int) d.primitives[type.field("lo").cell().index()])));
        BigDecimal v = new BigDecimal(magnitude, (flags >> 16) & 0xFF);
        return flags < 0 ? v.negate() : v;
    }

    private static ManagedObject of(ExecutionContext ctx, BigDecimal v) {
        RuntimeType type = decimalType(ctx);
        ManagedObject d = type.newValue();
        BigInteger magnitude = v.unscaledValue().abs();
        d.primitives[type.field("lo").cell().index()] = magnitude.intValue();
        d.primitives[type.field("mid").cell().index()] = magnitude.shiftRight(32).intValue();
        d.primitives[type.field("hi").cell().index()] = magnitude.shiftRight(64).intValue();
        d.primitives[type.field("flags").cell().index()] = v.scale() << 16 | (v.signum() < 0 ? 0x8000_0000 : 0);
        return d;
    }

    private static RuntimeType decimalType(ExecutionContext ctx) {
        return Text.rt(ctx).types().corlibType("System", "Decimal");
    }
}
