package dev.mimic.gdb.wire;

/**
 * The hex text GDB's remote protocol carries numbers and memory in: lower-case pairs per byte,
 * numbers most significant digit first.
 */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** Two digits per byte, in order. */
    public static String encode(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            s.append(DIGITS[(b >> 4) & 0xF]).append(DIGITS[b & 0xF]);
        }
        return s.toString();
    }

    /** The bytes of an even number of hex digits; {@link MalformedPacketException} otherwise. */
    public static byte[] decode(CharSequence text) {
        if (text.length() % 2 != 0) {
            throw new MalformedPacketException("odd number of hex digits");
        }
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (digit(text.charAt(2 * i)) << 4 | digit(text.charAt(2 * i + 1)));
        }
        return out;
    }

    /** A number of at most 16 hex digits (an address, a length, a register number). */
    public static long parse(CharSequence text) {
        if (text.isEmpty() || text.length() > 16) {
            throw new MalformedPacketException("bad hex number '" + text + "'");
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            value = value << 4 | digit(text.charAt(i));
        }
        return value;
    }

    /** The value of one hex digit. */
    static int digit(char c) {
        int d = Character.digit(c, 16);
        if (d < 0 || c > 'f') {
            throw new MalformedPacketException("bad hex digit '" + c + "'");
        }
        return d;
    }

    /** {@code value} as two hex digits (a checksum, a signal or exit status). */
    public static String byteText(int value) {
        return "" + DIGITS[(value >> 4) & 0xF] + DIGITS[value & 0xF];
    }
}
