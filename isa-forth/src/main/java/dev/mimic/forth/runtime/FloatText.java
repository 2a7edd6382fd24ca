package dev.mimic.forth.runtime;

import dev.mimic.backend.exec.ExecutionContext;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Conversions between floats and text: REPRESENT (the digits F., FE. and FS. print, rounded like
 * C's ecvt, which gforth uses), &gt;FLOAT (Forth-2012 12.6.1.0558's syntax, where the exponent
 * marker may be just a sign, as in {@code 2+3}) and the text interpreter's float literals.
 */
public final class FloatText {
    private FloatText() {
    }

    /** REPRESENT ( c-addr u -- n flag1 flag2 ) ( F: r -- ) */
    public static void represent(ExecutionContext ctx) {
        ForthRuntime rt = ForthRuntime.of(ctx);
        Stacks s = rt.stacks();
        double r = s.fpop();
        long u = s.pop();
        long at = s.pop();
        int width = (int) Math.max(0, Math.min(u, 4096));
        boolean negative = (Double.doubleToRawLongBits(r) < 0);
        String digits;
        long exponent;
        boolean valid = Double.isFinite(r);
        if (!valid) {
            digits = Double.isNaN(r) ? "nan" : negative ? "-inf" : "inf";
            exponent = 0;
        } else if (r == 0 || width == 0) {
            digits = "";
            exponent = r == 0 ? 1 : (long) Math.floor(Math.log10(Math.abs(r))) + 1;
        } else {
            BigDecimal rounded = new BigDecimal(Math.abs(r)).round(new MathContext(width, RoundingMode.HALF_EVEN));
            digits = rounded.unscaledValue().toString();
            exponent = (long) rounded.precision() - rounded.scale();
        }
        StringBuilder text = new StringBuilder(digits.length() > width ? digits.substring(0, width) : digits);
        while (text.length() < width) {
            text.append(valid ? '0' : ' ');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        ctx.memory.write(at, bytes, 0, bytes.length);
        s.push(exponent);
        s.push(Stacks.flag(negative));
        s.push(Stacks.flag(valid));
    }

    /** &gt;FLOAT ( c-addr u -- true | false ) ( F: -- r | ) */
    public static void toFloat(ExecutionContext ctx) {
        Stacks s = ForthRuntime.of(ctx).stacks();
        long u = s.pop();
        String text = new String(Bytes.read(ctx.memory, s.pop(), u), StandardCharsets.ISO_8859_1);
        Double r = text.isBlank() ? Double.valueOf(0) : parse(text);
        if (r != null) {
            s.fpush(r);
        }
        s.push(Stacks.flag(r != null));
    }

    /**
     * (FLOAT?) ( c-addr u -- flag ) ( F: -- r | ): a float literal of the text interpreter, which
     * gforth recognises only with an exponent marker E or e (so "1.5" stays a double-cell number).
     */
    public static void floatLiteral(ExecutionContext ctx) {
        Stacks s = ForthRuntime.of(ctx).stacks();
        long u = s.pop();
        String text = new String(Bytes.read(ctx.memory, s.pop(), u), StandardCharsets.ISO_8859_1);
        Double r = text.indexOf('e') >= 0 || text.indexOf('E') >= 0 ? parse(text) : null;
        if (r != null) {
            s.fpush(r);
        }
        s.push(Stacks.flag(r != null));
    }

    /** The value of a float in &gt;FLOAT's syntax, or null. */
    public static Double parse(String text) {
        int i = 0;
        int n = text.length();
        StringBuilder normal = new StringBuilder();
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            normal.append(text.charAt(i++));
        }
        int digits = 0;
        while (i < n && Character.isDigit(text.charAt(i))) {
            normal.append(text.charAt(i++));
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            normal.append(text.charAt(i++));
            while (i < n && Character.isDigit(text.charAt(i))) {
                normal.append(text.charAt(i++));
                digits++;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (i < n) {
            char marker = text.charAt(i);
            if ("EeDd".indexOf(marker) >= 0) {
                i++;
            } else if (marker != '+' && marker != '-') {
                return null;
            }
            normal.append('e');
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                normal.append(text.charAt(i++));
            }
            int exponentDigits = 0;
            while (i < n && Character.isDigit(text.charAt(i))) {
                normal.append(text.charAt(i++));
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                normal.append('0');
            }
        }
        if (i != n) {
            return null;
        }
        return Double.parseDouble(normal.toString());
    }
}
