package dev.mimic.forth.text;

/**
 * Converts the text interpreter's numbers, in gforth's syntax: an optional base prefix ({@code #}
 * decimal, {@code $} hexadecimal, {@code %} binary, {@code &} decimal), an optional {@code -} before
 * or after it, digits of the base, and a {@code .} anywhere to make a double-cell number (Forth-2012
 * 3.4.1.3 requires only the trailing one); {@code 'c'} is a character. Also &gt;NUMBER's digit
 * accumulation into an unsigned double cell.
 */
public final class NumberConversion {
    private NumberConversion() {
    }

    /** A converted number: a single cell ({@code isDouble} false, value in {@code low}) or a double. */
    public record Number(boolean isDouble, long low, long high) {
    }

    /** The value of {@code text} in {@code base}, or null when it is not a number. */
    public static Number convert(byte[] text, long base) {
        int n = text.length;
        if ((n == 3 && text[0] == '\'' && text[2] == '\'') || (n == 2 && text[0] == '\'')) {
            return new Number(false, text[1] & 0xFF, 0);
        }
        int i = 0;
        boolean negative = false;
        if (i < n && text[i] == '-') {
            negative = true;
            i++;
        }
        if (i < n) {
            long prefixed = switch (text[i]) {
                case '#', '&' -> 10;
                case '$' -> 16;
                case '%' -> 2;
                default -> 0;
            };
            if (prefixed != 0) {
                base = prefixed;
                i++;
            }
        }
        if (!negative && i < n && text[i] == '-') {
            negative = true;
            i++;
        }
        long lo = 0;
        long hi = 0;
        int digits = 0;
        boolean isDouble = false;
        for (; i < n; i++) {
            if (text[i] == '.') {
                isDouble = true;
                continue;
            }
            int d = digit(text[i], base);
            if (d < 0) {
                return null;
            }
            long[] next = accumulate(lo, hi, base, d);
            lo = next[0];
            hi = next[1];
            digits++;
        }
        if (digits == 0) {
            return null;
        }
        if (negative) {
            hi = ~hi + (lo == 0 ? 1 : 0);
            lo = -lo;
        }
        return new Number(isDouble, lo, isDouble ? hi : (lo < 0 ? -1 : 0));
    }

    /** The value of character {@code c} as a digit of {@code base}, or -1. */
    public static int digit(int c, long base) {
        int d;
        if (c >= '0' && c <= '9') {
            d = c - '0';
        } else if (c >= 'a' && c <= 'z') {
            d = c - 'a' + 10;
        } else if (c >= 'A' && c <= 'Z') {
            d = c - 'A' + 10;
        } else {
            return -1;
        }
        return d < base ? d : -1;
    }

    /** (lo, hi) * base + digit, unsigned 128-bit, wrapping. */
    public static long[] accumulate(long lo, long hi, long base, int digit) {
        long newLo = lo * base;
        long carry = Math.unsignedMultiplyHigh(lo, base);
        long sum = newLo + digit;
        if (Long.compareUnsigned(sum, newLo) < 0) {
            carry++;
        }
        return new long[] {sum, hi * base + carry};
    }
}
