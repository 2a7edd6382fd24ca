package dev.mimic.x86.system;

import dev.mimic.backend.memory.CodeWriteListener;
import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.x86.memory.CodePages;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The 32-bit physical address space of a PC as the processor's bus sees it: RAM from address 0, device
 * windows ({@link MmioDevice}) and ROM images mapped over it, and nothing elsewhere. Reads where nothing
 * answers return all ones and writes there are dropped, as on a PC bus; writes to ROM are ignored.
 * Device windows and ROM take precedence over RAM (the VGA window at 0xA0000 hides the RAM under it).
 *
 * <p>RAM accesses are the fast path: a per-page kind table says whether a page is plain RAM, and RAM is
 * one array read through little-endian VarHandles. Pages holding decoded code are marked; a write to
 * one tells the {@link CodeWriteListener} with the physical range, so self-modifying code and code
 * loaded by DMA-like stores drop their stale translations whatever linear address they were run at.
 */
public final class PhysicalMemory extends GuestMemory {
    public static final int PAGE_SHIFT = 12;
    public static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    private static final int PAGES = 1 << (32 - PAGE_SHIFT);
    private static final byte RAM = 0, NOTHING = 1, WINDOW = 2;
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** A device or ROM window; ROM windows have an image and no device. */
    private record Window(long base, long length, MmioDevice device, byte[] rom) {
        boolean covers(long address) {
            return address >= base && address - base < length;
        }
    }

    private final byte[] ram;
    private final byte[] kind = new byte[PAGES];
    private final CodePages code = new CodePages();
    private final List<Window> windows = new ArrayList<>();

    /** @param ramBytes RAM size from physical address 0, a multiple of 4 KiB below 2 GiB */
    public PhysicalMemory(int ramBytes) {
        if (ramBytes <= 0 || ramBytes % PAGE_SIZE != 0) {
            throw new IllegalArgumentException("RAM size must be a positive multiple of 4 KiB, not " + ramBytes);
        }
        this.ram = new byte[ramBytes];
        Arrays.fill(kind, ramBytes >>> PAGE_SHIFT, PAGES, NOTHING);
    }

    /** Bytes of RAM. */
    public int ramSize() {
        return ram.length;
    }

    /** Writes RAM (not devices or ROM, which belong to the platform), for snapshots. */
    public void writeRam(DataOutputStream out) throws IOException {
        out.writeInt(ram.length);
        out.write(ram);
    }

    /** Reads what {@link #writeRam} wrote; every code page is reported written. */
    public void readRam(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length != ram.length) {
            throw new IOException("the snapshot has " + length + " bytes of RAM, this machine " + ram.length);
        }
        in.readFully(ram);
        for (int p = 0; p < PAGES; p++) {
            code.written(p);
        }
    }

    /** Zeroes RAM, as at power-on; every code page is reported written. */
    public void clearRam() {
        Arrays.fill(ram, (byte) 0);
        for (int p = 0; p < PAGES; p++) {
            code.written(p);
        }
    }

    /**
     * Lets {@code device} answer accesses to [base, base+length); it hides RAM and earlier windows
     * there. The window is rounded out to whole pages for the fast-path table only.
     */
    public void mapDevice(long base, long length, MmioDevice device) {
        map(new Window(base & 0xFFFF_FFFFL, length, device, null));
    }

    /** Maps a read-only copy of {@code image} at {@code base} (a BIOS); writes there are ignored. */
    public void mapRom(long base, byte[] image) {
        map(new Window(base & 0xFFFF_FFFFL, image.length, null, image.clone()));
    }

    /**
     * Says that what [base, base+length) reads has changed without a store through this bus (a
     * chipset switched a window between ROM and RAM): code decoded there is dropped.
     */
    public void contentsChanged(long base, long length) {
        for (long p = base >>> PAGE_SHIFT; p <= (base + length - 1) >>> PAGE_SHIFT && p < PAGES; p++) {
            code.written((int) p);
        }
    }

    private void map(Window w) {
        windows.add(0, w);
        for (long p = w.base >>> PAGE_SHIFT; p <= (w.base + w.length - 1) >>> PAGE_SHIFT && p < PAGES; p++) {
            kind[(int) p] = WINDOW;
        }
        contentsChanged(w.base, w.length);
    }

    @Override
    public long size() {
        return 1L << 32;
    }

    // ---- code tracking ----

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

    // ---- the fast path: the whole access in RAM ----

    /** True when [address, address+width) lies in RAM pages not hidden by a window. */
    private boolean inRam(long address, int width) {
        long last = address + width - 1;
        return last < ram.length && kind[(int) (address >>> PAGE_SHIFT)] == RAM && kind[(int) (last >>> PAGE_SHIFT)] == RAM;
    }

    private void storing(long address, int width) {
        int first = (int) (address >>> PAGE_SHIFT);
        code.written(first);
        int last = (int) ((address + width - 1) >>> PAGE_SHIFT);
        if (last != first) {
            code.written(last);
        }
    }

    @Override
    public int load8(long address) {
        address &= 0xFFFF_FFFFL;
        return inRam(address, 1) ? ram[(int) address] & 0xFF : slowLoad(address, 1);
    }

    @Override
    public int load16(long address) {
        address &= 0xFFFF_FFFFL;
        return inRam(address, 2) ? (short) SHORT.get(ram, (int) address) & 0xFFFF : slowLoad(address, 2);
    }

    @Override
    public int load32(long address) {
        address &= 0xFFFF_FFFFL;
        return inRam(address, 4) ? (int) INT.get(ram, (int) address) : slowLoad(address, 4);
    }

    @Override
    public long load64(long address) {
        address &= 0xFFFF_FFFFL;
        if (inRam(address, 8)) {
            return (long) LONG.get(ram, (int) address);
        }
        return load32(address) & 0xFFFF_FFFFL | (long) load32(address + 4) << 32;
    }

    @Override
    public void store8(long address, int value) {
        address &= 0xFFFF_FFFFL;
        if (inRam(address, 1)) {
            storing(address, 1);
            ram[(int) address] = (byte) value;
        } else {
            slowStore(address, 1, value);
        }
    }

    @Override
    public void store16(long address, int value) {
        address &= 0xFFFF_FFFFL;
        if (inRam(address, 2)) {
            storing(address, 2);
            SHORT.set(ram, (int) address, (short) value);
        } else {
            slowStore(address, 2, value);
        }
    }

    @Override
    public void store32(long address, int value) {
        address &= 0xFFFF_FFFFL;
        if (inRam(address, 4)) {
            storing(address, 4);
            INT.set(ram, (int) address, value);
        } else {
            slowStore(address, 4, value);
        }
    }

    @Override
    public void store64(long address, long value) {
        address &= 0xFFFF_FFFFL;
        if (inRam(address, 8)) {
            storing(address, 8);
            LONG.set(ram, (int) address, value);
        } else {
            store32(address, (int) value);
            store32(address + 4, (int) (value >>> 32));
        }
    }

    // ---- direct RAM access for a TLB that already knows the page is plain RAM ----

    /**
     * True when the 4 KiB page at {@code pageAddress} is plain RAM, so {@link #ramLoad32} and its
     * kin may reach it; only a device or ROM mapped over it later changes that, which boards do
     * while they are built.
     */
    public boolean isRamPage(long pageAddress) {
        return pageAddress + PAGE_SIZE <= ram.length && kind[(int) (pageAddress >>> PAGE_SHIFT)] == RAM;
    }

    /** A load from a RAM page {@link #isRamPage} accepted, not crossing its end. */
    public int ramLoad8(int address) {
        return ram[address] & 0xFF;
    }

    public int ramLoad16(int address) {
        return (short) SHORT.get(ram, address) & 0xFFFF;
    }

    public int ramLoad32(int address) {
        return (int) INT.get(ram, address);
    }

    /** A store into a RAM page {@link #isRamPage} accepted, not crossing its end; code there is reported. */
    public void ramStore8(int address, int value) {
        code.written(address >>> PAGE_SHIFT);
        ram[address] = (byte) value;
    }

    public void ramStore16(int address, int value) {
        code.written(address >>> PAGE_SHIFT);
        SHORT.set(ram, address, (short) value);
    }

    public void ramStore32(int address, int value) {
        code.written(address >>> PAGE_SHIFT);
        INT.set(ram, address, value);
    }

    // ---- the slow path: windows, holes and accesses that cross into them ----

    private Window windowAt(long address) {
        for (Window w : windows) {
            if (w.covers(address)) {
                return w;
            }
        }
        return null;
    }

    private int slowLoad(long address, int width) {
        Window w = windowAt(address);
        if (w != null && w.covers(address + width - 1)) {
            long offset = address - w.base;
            if (w.device != null) {
                return w.device.read(offset, width);
            }
            int v = 0;
            for (int i = 0; i < width; i++) {
                v |= (w.rom[(int) offset + i] & 0xFF) << 8 * i;
            }
            return v;
        }
        if (width == 1) {
            return w == null && address < ram.length && kind[(int) (address >>> PAGE_SHIFT)] != NOTHING
                    ? ram[(int) address] & 0xFF : 0xFF;
        }
        int v = 0;
        for (int i = 0; i < width; i++) {
            v |= load8(address + i & 0xFFFF_FFFFL) << 8 * i;
        }
        return v;
    }

    private void slowStore(long address, int width, int value) {
        Window w = windowAt(address);
        if (w != null && w.covers(address + width - 1)) {
            if (w.device != null) {
                w.device.write(address - w.base, width, value);
            }
            return;
        }
        if (width == 1) {
            if (w == null && address < ram.length && kind[(int) (address >>> PAGE_SHIFT)] != NOTHING) {
                storing(address, 1);
                ram[(int) address] = (byte) value;
            }
            return;
        }
        for (int i = 0; i < width; i++) {
            store8(address + i & 0xFFFF_FFFFL, value >>> 8 * i);
        }
    }
}
