package dev.mimic.x86.memory;

import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.memory.CodeWriteListener;
import dev.mimic.backend.memory.GuestMemory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A 32-bit address space of 4 KiB pages that exist only where something mapped them (the ELF loader,
 * brk, mmap), as a Linux process sees its memory. An access to an unmapped page, or a write to a page
 * mapped without write permission, is a {@link GuestFault.Kind#MEMORY} fault (the process gets
 * SIGSEGV). Pages holding decoded code are marked; writing one tells the {@link CodeWriteListener}, so
 * self-modifying code drops its stale translations.
 */
public final class PagedMemory extends GuestMemory {
    public static final int PAGE_SHIFT = 12;
    public static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    private static final int PAGES = 1 << (32 - PAGE_SHIFT);
    private static final int OFFSET_MASK = PAGE_SIZE - 1;
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Page protection bits, as mmap's PROT_READ, PROT_WRITE and PROT_EXEC. */
    public static final int READ = 1, WRITE = 2, EXEC = 4;

    private final byte[][] readable = new byte[PAGES][];
    private final byte[][] writable = new byte[PAGES][];
    private final byte[] protection = new byte[PAGES];
    private final CodePages code = new CodePages();

    /** Maps [start, start+length) (rounded out to pages) as fresh zero pages with {@code prot}. */
    public void map(long start, long length, int prot) {
        for (int p = first(start); p <= last(start, length); p++) {
            byte[] page = new byte[PAGE_SIZE];
            readable[p] = page;
            protection[p] = (byte) prot;
            writable[p] = (prot & WRITE) != 0 ? page : null;
            code.written(p);
        }
    }

    /**
     * Makes [start, start+length) mapped: missing pages are mapped fresh with {@code prot}, pages already
     * there keep their contents and gain {@code prot} (ELF segments may share a page).
     */
    public void ensure(long start, long length, int prot) {
        for (int p = first(start); p <= last(start, length); p++) {
            if (readable[p] == null) {
                map((long) p << PAGE_SHIFT, PAGE_SIZE, prot);
            } else {
                protection[p] |= (byte) prot;
                writable[p] = (protection[p] & WRITE) != 0 ? readable[p] : null;
            }
        }
    }

    /** Removes every page. */
    public void unmapAll() {
        unmap(0, 1L << 32);
    }

    /** The protection of the page holding {@code address}, 0 when it is not mapped. */
    public int protection(long address) {
        return protection[(int) (address >>> PAGE_SHIFT & PAGES - 1)];
    }

    /** Removes the pages of [start, start+length). */
    public void unmap(long start, long length) {
        for (int p = first(start); p <= last(start, length); p++) {
            code.written(p);
            readable[p] = null;
            writable[p] = null;
            protection[p] = 0;
        }
    }

    /** Changes the protection of the mapped pages of [start, start+length); false if one is not mapped. */
    public boolean protect(long start, long length, int prot) {
        for (int p = first(start); p <= last(start, length); p++) {
            if (readable[p] == null) {
                return false;
            }
        }
        for (int p = first(start); p <= last(start, length); p++) {
            protection[p] = (byte) prot;
            writable[p] = (prot & WRITE) != 0 ? readable[p] : null;
        }
        return true;
    }

    /** True when the page holding {@code address} is mapped. */
    public boolean isMapped(long address) {
        return readable[(int) (address >>> PAGE_SHIFT & PAGES - 1)] != null;
    }

    /** Writes bytes regardless of page protection (the loader filling read-only segments). */
    public void poke(long address, byte[] from, int offset, int length) {
        for (int i = 0; i < length; i++) {
            long a = address + i & 0xFFFF_FFFFL;
            byte[] page = readable[(int) (a >>> PAGE_SHIFT)];
            if (page == null) {
                throw GuestFault.memory(a, "write to an unmapped page");
            }
            page[(int) a & OFFSET_MASK] = from[offset + i];
        }
    }

    private static int first(long start) {
        return (int) ((start & 0xFFFF_FFFFL) >>> PAGE_SHIFT);
    }

    private static int last(long start, long length) {
        return (int) Math.min(PAGES - 1, ((start & 0xFFFF_FFFFL) + Math.max(length, 1) - 1) >>> PAGE_SHIFT);
    }

    @Override
    public void setCodeWriteListener(CodeWriteListener listener) {
        code.setListener(listener);
    }

    @Override
    public void trackCode(long start, long end) {
        code.track(start, end);
    }

    @Override
    public void untrackAllCode() {
        code.untrackAll();
    }

    private byte[] readPage(long address) {
        byte[] page = readable[(int) (address >>> PAGE_SHIFT & PAGES - 1)];
        if (page == null) {
            throw GuestFault.memory(address & 0xFFFF_FFFFL, "read of an unmapped page");
        }
        return page;
    }

    private byte[] writePage(long address) {
        int p = (int) (address >>> PAGE_SHIFT & PAGES - 1);
        byte[] page = writable[p];
        if (page == null) {
            throw GuestFault.memory(address & 0xFFFF_FFFFL,
                    readable[p] == null ? "write to an unmapped page" : "write to a read-only page");
        }
        code.written(p);
        return page;
    }

    private static boolean crosses(long address, int width) {
        return ((int) address & OFFSET_MASK) > PAGE_SIZE - width;
    }

    @Override
    public int load8(long address) {
        return readPage(address)[(int) address & OFFSET_MASK] & 0xFF;
    }

    @Override
    public int load16(long address) {
        if (crosses(address, 2)) {
            return load8(address) | load8(address + 1 & 0xFFFF_FFFFL) << 8;
        }
        return (short) SHORT.get(readPage(address), (int) address & OFFSET_MASK) & 0xFFFF;
    }

    @Override
    public int load32(long address) {
        if (crosses(address, 4)) {
            return load16(address) | load16(address + 2 & 0xFFFF_FFFFL) << 16;
        }
        return (int) INT.get(readPage(address), (int) address & OFFSET_MASK);
    }

    @Override
    public long load64(long address) {
        if (crosses(address, 8)) {
            return load32(address) & 0xFFFF_FFFFL | (long) load32(address + 4 & 0xFFFF_FFFFL) << 32;
        }
        return (long) LONG.get(readPage(address), (int) address & OFFSET_MASK);
    }

    @Override
    public void store8(long address, int value) {
        writePage(address)[(int) address & OFFSET_MASK] = (byte) value;
    }

    @Override
    public void store16(long address, int value) {
        if (crosses(address, 2)) {
            checkWritable(address, 2);
            store8(address, value);
            store8(address + 1 & 0xFFFF_FFFFL, value >>> 8);
            return;
        }
        SHORT.set(writePage(address), (int) address & OFFSET_MASK, (short) value);
    }

    @Override
    public void store32(long address, int value) {
        if (crosses(address, 4)) {
            checkWritable(address, 4);
            store16(address, value);
            store16(address + 2 & 0xFFFF_FFFFL, value >>> 16);
            return;
        }
        INT.set(writePage(address), (int) address & OFFSET_MASK, value);
    }

    @Override
    public void store64(long address, long value) {
        if (crosses(address, 8)) {
            checkWritable(address, 8);
            store32(address, (int) value);
            store32(address + 4 & 0xFFFF_FFFFL, (int) (value >>> 32));
            return;
        }
        LONG.set(writePage(address), (int) address & OFFSET_MASK, value);
    }

    /** A store that spans two pages faults before writing either (precise faults). */
    private void checkWritable(long address, int width) {
        writePage(address);
        writePage(address + width - 1 & 0xFFFF_FFFFL);
    }

    @Override
    public long size() {
        return 1L << 32;
    }
}
