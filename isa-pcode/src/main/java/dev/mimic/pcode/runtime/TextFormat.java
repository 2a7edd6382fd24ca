package dev.mimic.pcode.runtime;

import java.util.Locale;

/**
 * The write formats of ISO 7185 6.9.3, as P5 writes them: every value right-justified in its field width;
 * booleans as {@code True} and {@code False} (the case is implementation-defined); integers
 * never cut; strings and booleans cut to the width; reals in floating-point form with a two-digit
 * exponent (6.9.3.4.1) or in fixed-point form (6.9.3.4.2). Fields are written straight to the
 * file, so an enormous width costs time, not memory.
 */
final class TextFormat {
    /** Digits of the exponent in floating-point form (implementation-defined; at least two). */
    private static final int EXP_DIGITS = 2;
    /** Digits a double can print; further digits of a wider field are zeros. */
    private static final int MAX_DIGITS = 100;

    private TextFormat() {
    }

    static void integer(PFile f, int value, int width) {
        field(f, Integer.toString(value), width, 0);
    }

    static void character(PFile f, int c, int width) {
        field(f, String.valueOf((char) (c & 0xFF)), width, 0);
    }

    static void bool(PFile f, boolean value, int width) {
        String s = value ? "True" : "False";
        field(f, s.length() > width ? s.substring(0, width) : s, width, 0);
    }

    /**
     * Floating-point form: a blank or minus sign, one digit, a point, as many digits as the width
     * allows (at least one), {@code e}, the exponent's sign and digits.
     */
    static void floating(PFile f, double r, int width) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            field(f, Double.isNaN(r) ? "nan" : r > 0 ? "inf" : "-inf", width, 0);
            return;
        }
        int actual = Math.max(width, EXP_DIGITS + 6);
        int decimals = actual - EXP_DIGITS - 5;
        int shown = Math.min(decimals, MAX_DIGITS);
        String e = String.format(Locale.ROOT, "%." + shown + "e", Math.abs(r));
        int mark = e.indexOf('e');
        int exponent = Integer.parseInt(e.substring(mark + 1));
        StringBuilder digits = new StringBuilder(Integer.toString(Math.abs(exponent)));
        while (digits.length() < EXP_DIGITS) {
            digits.insert(0, '0');
        }
        boolean negative = r < 0 || (r == 0 && 1 / r < 0);
        String sign = negative ? "-" : " ";
        String exp = "e" + (exponent < 0 ? "-" : "+") + digits;
        int length = 1 + mark + (decimals - shown) + exp.length();
        padding(f, length, width);
        write(f, sign + e.substring(0, mark));
        zeros(f, decimals - shown);
        write(f, exp);
    }

    /** Fixed-point form with {@code fraction} digits after the point, minus sign only if negative. */
    static void fixed(PFile f, double r, int width, int fraction) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            field(f, Double.isNaN(r) ? "nan" : r > 0 ? "inf" : "-inf", width, 0);
            return;
        }
        int shown = Math.min(fraction, MAX_DIGITS);
        field(f, String.format(Locale.ROOT, "%." + shown + "f", r), width, fraction - shown);
    }

    /** {@code text} followed by {@code zeros} zeros, right-justified in {@code width}. */
    private static void field(PFile f, String text, int width, int zeros) {
        padding(f, (long) text.length() + zeros, width);
        write(f, text);
        zeros(f, zeros);
    }

    /** Blanks that right-justify {@code length} characters in {@code width}. */
    static void padding(PFile f, long length, int width) {
        for (long k = length; k < width; k++) {
            f.write(' ');
        }
    }

    private static void zeros(PFile f, int count) {
        for (int k = 0; k < count; k++) {
            f.write('0');
        }
    }

    private static void write(PFile f, String s) {
        for (int k = 0; k < s.length(); k++) {
            f.write(s.charAt(k));
        }
    }
}
