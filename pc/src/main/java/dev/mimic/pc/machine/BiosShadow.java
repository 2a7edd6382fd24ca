package dev.mimic.pc.machine;

import dev.mimic.pc.pci.I440fxHostBridge;
import dev.mimic.pc.pci.PamMode;
import dev.mimic.pc.snapshot.Snapshottable;
import dev.mimic.x86.system.MmioDevice;
import dev.mimic.x86.system.PhysicalMemory;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The BIOS area 0xC0000-0xFFFFF as the 440FX decodes it: each 16 KiB segment (the top 64 KiB as
 * one) reads and writes the DRAM behind it or the ROM on the bus, as its PAM bits say. A BIOS
 * copies itself into DRAM with writes going there and then write-protects it ("shadowing"), so
 * the area needs both copies. The DRAM of this range lives here, not in {@link PhysicalMemory}'s
 * RAM, which this window hides.
 */
final class BiosShadow implements MmioDevice, Snapshottable {
    static final long BASE = 0xC0000;
    static final int LENGTH = 0x40000;
    private static final int SEGMENT_SHIFT = 14;

    private final I440fxHostBridge bridge;
    private final PhysicalMemory memory;
    private final byte[] rom = new byte[LENGTH];
    private final byte[] dram = new byte[LENGTH];
    private final PamMode[] modes = new PamMode[LENGTH >>> SEGMENT_SHIFT];

    /**
     * @param isaBase where {@code isaRom} starts (the BIOS's last 128 KiB at 0xE0000); the rest of
     *                the area reads as an empty bus
     */
    BiosShadow(I440fxHostBridge bridge, PhysicalMemory memory, long isaBase, byte[] isaRom) {
        this.bridge = bridge;
        this.memory = memory;
        Arrays.fill(rom, (byte) 0xFF);
        System.arraycopy(isaRom, 0, rom, (int) (isaBase - BASE), isaRom.length);
        remap();
        bridge.onMapChange(this::remap);
    }

    /** Reads the PAM registers again; code decoded from the area is dropped, since it may now read the other copy. */
    private void remap() {
        for (int s = 0; s < modes.length; s++) {
            modes[s] = bridge.pam(BASE + ((long) s << SEGMENT_SHIFT));
        }
        memory.contentsChanged(BASE, LENGTH);
    }

    @Override
    public int read(long offset, int size) {
        PamMode mode = modes[(int) (offset >>> SEGMENT_SHIFT)];
        byte[] from = mode == PamMode.READ_ONLY || mode == PamMode.READ_WRITE ? dram : rom;
        int v = 0;
        for (int i = 0; i < size; i++) {
            v |= (from[(int) offset + i] & 0xFF) << 8 * i;
        }
        return v;
    }

    @Override
    public void write(long offset, int size, int value) {
        PamMode mode = modes[(int) (offset >>> SEGMENT_SHIFT)];
        if (mode == PamMode.WRITE_ONLY || mode == PamMode.READ_WRITE) {
            boolean changed = false;
            for (int i = 0; i < size; i++) {
                byte b = (byte) (value >>> 8 * i);
                changed |= dram[(int) offset + i] != b;
                dram[(int) offset + i] = b;
            }
            if (changed && mode == PamMode.READ_WRITE) {
                memory.contentsChanged(BASE + offset, size);
            }
        }
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        out.write(dram);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        in.readFully(dram);
        remap();
    }
}
