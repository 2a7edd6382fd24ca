package dev.mimic.cil.pe;

import dev.mimic.cil.CilFormatException;

/**
 * A bounds-checked little-endian cursor over a window {@code [start, end)} of an assembly file.
 * Every read that would leave the window raises {@link CilFormatException} naming the file offset
 * (and, when given, what was being read), so no corrupt size field can index outside the file.
 */
public final class ByteReader {
    private final String file;
    private final String context;
    private final byte[] data;
    private final int start;
    private final int end;
    private int pos;

    /**
     * @param file the file name used in error messages
     * @param context what the window holds, e.g. {@code "Field row 3 signature"}; null for plain offsets
     */
    public ByteReader(String file, String context, byte[] data, int start, int end) {
        if (start < 0 || end > data.length || start > end) {
            throw new CilFormatException(file, offsetLocation(context, start),
                    "window [0x%x, 0x%x) outside the file (0x%x bytes)".formatted(start, end, data.length));
        }
        this.file = file;
        this.context = context;
        this.data = data;
        this.start = start;
        this.end = end;
        this.pos = start;
    }

    /** A reader over the whole file. */
    public static ByteReader of(String file, byte[] data) {
        return new ByteReader(file, null, data, 0, data.length);
    }

    /** A reader over {@code length} bytes at {@code offset} of the same file, checked against this window. */
    public ByteReader window(String context, int offset, long length) {
        if (offset < start || length < 0 || offset + length > end) {
            throw error(offset, "%s of 0x%x bytes at 0x%x runs past the end (0x%x)".formatted(
                    context == null ? "data" : context, length, offset, end));
        }
        return new ByteReader(file, context, data, offset, (int) (offset + length));
    }

    public String file() {
        return file;
    }

    /** What the window holds, as errors name it; null for plain file offsets. */
    public String context() {
        return context;
    }

    public byte[] data() {
        return data;
    }

    /** Absolute file offset of the cursor. */
    public int position() {
        return pos;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public int remaining() {
        return end - pos;
    }

    /** Moves to an absolute file offset inside the window. */
    public ByteReader seek(long offset) {
        if (offset < start || offset > end) {
            throw error(pos, "offset 0x%x is outside [0x%x, 0x%x)".formatted(offset, start, end));
        }
        pos = (int) offset;
        return this;
    }

    public ByteReader skip(long n) {
        need(n);
        pos += (int) n;
        return this;
    }

    /** Moves forward to the next multiple of {@code alignment} counted from the file start. */
    public ByteReader align(int alignment) {
        int aligned = (pos + alignment - 1) & -alignment;
        return skip(aligned - pos);
    }

    public int u1() {
        need(1);
        return data[pos++] & 0xFF;
    }

    public int u2() {
        need(2);
        int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    public int u3() {
        need(3);
        int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8 | (data[pos + 2] & 0xFF) << 16;
        pos += 3;
        return v;
    }

    /** An unsigned 32-bit value, as the bits of an int. */
    public int u4() {
        need(4);
        int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8 | (data[pos + 2] & 0xFF) << 16
                | (data[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    public long u8() {
        long lo = u4() & 0xFFFFFFFFL;
        long hi = u4() & 0xFFFFFFFFL;
        return hi << 32 | lo;
    }

    /** A 1-, 2- or 4-byte value of the given width. */
    public int unsigned(int width) {
        return switch (width) {
            case 1 -> u1();
            case 2 -> u2();
            case 4 -> u4();
            default -> throw new IllegalArgumentException("width " + width);
        };
    }

    /** An unsigned compressed integer (ECMA-335 II.23.2): 1, 2 or 4 bytes, at most 0x1FFFFFFF. */
    public int compressed() {
        int at = pos;
        int b = u1();
        if ((b & 0x80) == 0) {
            return b;
        }
        if ((b & 0xC0) == 0x80) {
            return (b & 0x3F) << 8 | u1();
        }
        if ((b & 0xE0) == 0xC0) {
            return (b & 0x1F) << 24 | u1() << 16 | u1() << 8 | u1();
        }
        throw error(at, "bad compressed integer lead byte 0x%02x".formatted(b));
    }

    /** A signed compressed integer (ECMA-335 II.23.2, rotated sign bit), used by array lower bounds. */
    public int compressedSigned() {
        need(1);
        int lead = data[pos] & 0xFF;
        int raw = compressed();
        int bits = (lead & 0x80) == 0 ? 7 : (lead & 0xC0) == 0x80 ? 14 : 29;
        int value = raw >>> 1;
        return (raw & 1) == 0 ? value : value - (1 << (bits - 1));
    }

    public byte[] bytes(long n) {
        need(n);
        byte[] out = new byte[(int) n];
        System.arraycopy(data, pos, out, 0, (int) n);
        pos += (int) n;
        return out;
    }

    /** An error at the cursor. */
    public CilFormatException error(String detail) {
        return error(pos, detail);
    }

    /** An error at an absolute file offset. */
    public CilFormatException error(int offset, String detail) {
        return new CilFormatException(file, offsetLocation(context, offset), detail);
    }

    private static String offsetLocation(String context, int offset) {
        String at = "offset 0x%x".formatted(offset);
        return context == null ? at : context + " at " + at;
    }

    private void need(long n) {
        if (n < 0 || n > end - pos) {
            throw error(pos, "truncated: need %d bytes, %d left".formatted(n, end - pos));
        }
    }
}
