package dev.mimic.gdb.wire;

import java.util.Arrays;

/**
 * The escaping GDB uses for binary data inside packets ({@code X} writes, {@code qXfer} replies):
 * {@code }} followed by the byte XOR 0x20 stands for {@code #}, {@code $}, {@code }} and
 * {@code *}. Packets are held as one char per byte (ISO-8859-1), so these are string operations.
 */
public final class Binary {
    private static final char ESCAPE = '}';

    private Binary() {
    }

    public static String escape(byte[] data) {
        StringBuilder s = new StringBuilder(data.length + 8);
        for (byte b : data) {
            char c = (char) (b & 0xFF);
            if (c == '#' || c == '$' || c == ESCAPE || c == '*') {
                s.append(ESCAPE).append((char) (c ^ 0x20));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    public static byte[] unescape(String text) {
        byte[] out = new byte[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ESCAPE) {
                if (++i == text.length()) {
                    throw new MalformedPacketException("escape character at the end of binary data");
                }
                c = (char) (text.charAt(i) ^ 0x20);
            }
            out[n++] = (byte) c;
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The reply to a {@code qXfer} read of {@code length} bytes at {@code offset} of {@code data}:
     * {@code m} and the bytes while more follow, {@code l} and the bytes for the last window.
     */
    public static String xferWindow(byte[] data, long offset, int length) {
        if (offset < 0 || offset >= data.length) {
            return "l";
        }
        int to = (int) Math.min(data.length, offset + length);
        return (to == data.length ? "l" : "m") + escape(Arrays.copyOfRange(data, (int) offset, to));
    }
}
