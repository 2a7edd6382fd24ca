package dev.mimic.backend.memory;

import dev.mimic.backend.exec.GuestFault;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Guest RAM as one flat byte array with little-endian accessors that HotSpot intrinsifies. An
 * access outside the array is a {@link GuestFault.Kind#MEMORY} fault. Pages that hold decoded code
 * are marked; a store into a marked page tells the {@link CodeWriteListener}, which is how
 * self-modifying code and dictionary writes invalidate compiled code.
 *
 * <p>A store first compares its address with the window spanning every marked page, and looks
 * at the page marks only inside it: machines keep code apart from their stacks and heaps, so the
 * common store pays one or two compares instead of a page lookup.
 */
public final class FlatMemory extends GuestMemory {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] bytes;
    private final int pageShift;
    private final boolean[] codePages;
    /** The byte window [codeLow, codeHigh) covering every marked page; empty (MAX, 0) while none is. */
    private int codeLow = Integer.MAX_VALUE;
    private int codeHigh;
    private CodeWriteListener codeListener = (s, e) -> { };

    /** RAM of {@code size} bytes with code tracked in pages of {@code 1 << pageShift} bytes. */
    public FlatMemory(int size, int pageShift) {
        if (size < 0) {
            throw new IllegalArgumentException("negative memory size");
        }
        this.bytes = new byte[size];
        this.pageShift = pageShift;
        this.codePages = new boolean[(int) (((long) size + (1L << pageShift) - 1) >>> pageShift) + 1];
    }

    public FlatMemory(int size) {
        this(size, 12);
    }

    @Override
    public void setCodeWriteListener(CodeWriteListener listener) {
        this.codeListener = listener;
    }

    @Override
    public void trackCode(long start, long end) {
        long first = Math.max(0, start >>> pageShift);
        long last = Math.min((end - 1) >>> pageShift, codePages.length - 1L);
        if (end <= start || first > last) {
            return;
        }
        for (long p = first; p <= last; p++) {
            codePages[(int) p] = true;
        }
        codeLow = (int) Math.min(codeLow, first << pageShift);
        codeHigh = (int) Math.min(Math.max(codeHigh, (last + 1) << pageShift), Integer.MAX_VALUE);
    }

    @Override
    public void untrackAllCode() {
        codeLow = Integer.MAX_VALUE;
        codeHigh = 0;
        Arrays.fill(codePages, false);
    }

    private int check(long address, int width) {
        if (address < 0 || address > bytes.length - width) {
            throw outside(address, width);
        }
        return (int) address;
    }

    /**
     * The array index of {@code address} for the accessors, which leave the bounds check to the
     * array access itself (one unsigned compare in compiled code) and turn its failure into the
     * fault: an address that is not an int becomes -1, which fails that check too.
     */
    private static int index(long address) {
        return (int) address == address ? (int) address : -1;
    }

    private static GuestFault outside(long address, int width) {
        return GuestFault.memory(address, "access of " + width + " bytes outside memory");
    }

    private void written(int at, int width) {
        if (at < codeHigh && at + width > codeLow && (codePages[at >>> pageShift] || codePages[(at + width - 1) >>> pageShift])) {
            codeListener.codeWritten(at, at + width);
        }
    }

    @Override
    public int load8(long address) {
        try {
            return bytes[index(address)] & 0xFF;
        } catch (IndexOutOfBoundsException e) {
            throw outside(address, 1);
        }
    }

    @Override
    public int load16(long address) {
        try {
            return (short) SHORT.get(bytes, index(address)) & 0xFFFF;
        } catch (IndexOutOfBoundsException e) {
            throw outside(address, 2);
        }
    }

    @Override
    public int load32(long address) {
        try {
            return (int) INT.get(bytes, index(address));
        } catch (IndexOutOfBoundsException e) {
            throw outside(address, 4);
        }
    }

    @Override
    public long load64(long address) {
        try {
            return (long) LONG.get(bytes, index(address));
        } catch (IndexOutOfBoundsException e) {
            throw outside(address, 8);
        }
    }

    @Override
    public void store8(long address, int value) {
        int at = index(address);
        try {
            bytes[at] = (byte) value;
        } catch (IndexOutOfBoundsException e) {
            throw outside(address, 1);
        }
        written(at, 1);
    }

    @Override
    public void store16(long address, int value) {
        int at = index(address);
        try {
            SHORT.set(bytes, at, (short) value);
        } catch (IndexOutOfBoundsException e) {
            throw outside(address, 2);
        }
        written(at, 2);
    }

    @Override
    public void store32(long address, int value) {
        int at = index(address);
        try {
            INT.set(bytes, at, value);
        } catch (IndexOutOfBoundsException e) {
            throw outside(address, 4);
        }
        written(at, 4);
    }

    @Override
    public void store64(long address, long value) {
        int at = index(address);
        try {
            LONG.set(bytes, at, value);
        } catch (IndexOutOfBoundsException e) {
            throw outside(address, 8);
        }
        written(at, 8);
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public void read(long address, byte[] into, int offset, int length) {
        System.arraycopy(bytes, check(address, length), into, offset, length);
    }

    @Override
    public void write(long address, byte[] from, int offset, int length) {
        int at = check(address, length);
        System.arraycopy(from, offset, bytes, at, length);
        if (length > 0 && at < codeHigh && at + length > codeLow) {
            for (int p = at >>> pageShift; p <= (at + length - 1) >>> pageShift; p++) {
                if (codePages[p]) {
                    codeListener.codeWritten(at, at + length);
                    return;
                }
            }
        }
    }
}
