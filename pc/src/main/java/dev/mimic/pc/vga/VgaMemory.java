package dev.mimic.pc.vga;

import dev.mimic.pc.snapshot.Snapshottable;
import dev.mimic.pc.snapshot.StateArrays;
import dev.mimic.x86.system.MmioDevice;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The VGA's 256 KiB of display memory as four 64 KiB planes, seen by the CPU through the window
 * at 0xA0000-0xBFFFF the graphics controller selects (GR06). Accesses go through the VGA's
 * pipeline (FreeVGA "Graphics Controller"): odd/even addressing for text (even addresses in plane
 * 0, odd in plane 1), chain-4 for mode 13h, or planar access with the sequencer's map mask; reads
 * fill the four latches; writes use one of the four write modes with rotation, set/reset,
 * the logical function against the latches and the bit mask. While a Bochs VBE mode is on the
 * first 64 KiB of the window show the framebuffer bank VBE's BANK register selects instead.
 */
public final class VgaMemory implements MmioDevice, Snapshottable {
    static final int PLANE_SIZE = 0x10000;
    private static final int BANK_WINDOW = 0x10000;
    /** Offset of each memory map (GR06 bits 3-2) from 0xA0000, and its size. */
    private static final int[] WINDOW_START = {0x00000, 0x00000, 0x10000, 0x18000};
    private static final int[] WINDOW_SIZE = {0x20000, 0x10000, 0x8000, 0x8000};

    final byte[][] planes = new byte[4][PLANE_SIZE];
    private final VgaRegisters registers;
    private final int[] latches = new int[4];
    private final VbeRegisters vbe;
    private final byte[] framebuffer;

    VgaMemory(VgaRegisters registers, VbeRegisters vbe, byte[] framebuffer) {
        this.registers = registers;
        this.vbe = vbe;
        this.framebuffer = framebuffer;
    }

    /** The window offset of {@code offset} (from 0xA0000), or -1 if the selected map does not cover it. */
    private int windowOffset(long offset) {
        int map = registers.graphics[6] >> 2 & 3;
        long inside = offset - WINDOW_START[map];
        return inside < 0 || inside >= WINDOW_SIZE[map] ? -1 : (int) inside;
    }

    @Override
    public int read(long offset, int size) {
        int value = 0;
        for (int i = 0; i < size; i++) {
            value |= readByte(offset + i) << (8 * i);
        }
        return value;
    }

    @Override
    public void write(long offset, int size, int value) {
        for (int i = 0; i < size; i++) {
            writeByte(offset + i, value >>> (8 * i) & 0xFF);
        }
    }

    private boolean chain4() {
        return (registers.sequencer[4] & 0x08) != 0;
    }

    private boolean oddEven() {
        return (registers.sequencer[4] & 0x04) == 0;
    }

    /** The framebuffer index the window offset reaches in a VBE mode, or -1 outside the 64 KiB bank window. */
    private int bankedIndex(long offset) {
        int index = vbe.bankOffset() + (int) offset;
        return offset >= BANK_WINDOW || index >= framebuffer.length ? -1 : index;
    }

    int readByte(long offset) {
        if (vbe.enabled()) {
            int index = bankedIndex(offset);
            return index < 0 ? 0xFF : framebuffer[index] & 0xFF;
        }
        int address = windowOffset(offset);
        if (address < 0) {
            return 0xFF;
        }
        if (chain4()) {
            return planes[address & 3][address & ~3 & (PLANE_SIZE - 1)] & 0xFF;
        }
        int planeAddress = (oddEven() ? address & ~1 : address) & (PLANE_SIZE - 1);
        for (int p = 0; p < 4; p++) {
            latches[p] = planes[p][planeAddress] & 0xFF;
        }
        if ((registers.graphics[5] & 0x08) != 0) {
            return colorCompare();
        }
        int plane = oddEven() ? registers.graphics[4] & 2 | address & 1 : registers.graphics[4] & 3;
        return latches[plane];
    }

    /** Read mode 1: a 1 for each pixel whose planes (those GR07 cares about) equal GR02's colour. */
    private int colorCompare() {
        int result = 0xFF;
        for (int p = 0; p < 4; p++) {
            if ((registers.graphics[7] >> p & 1) != 0) {
                int want = (registers.graphics[2] >> p & 1) != 0 ? 0xFF : 0x00;
                result &= ~(latches[p] ^ want);
            }
        }
        return result & 0xFF;
    }

    void writeByte(long offset, int value) {
        if (vbe.enabled()) {
            int index = bankedIndex(offset);
            if (index >= 0) {
                framebuffer[index] = (byte) value;
            }
            return;
        }
        int address = windowOffset(offset);
        if (address < 0) {
            return;
        }
        int mapMask = registers.sequencer[2] & 0x0F;
        if (chain4()) {
            int plane = address & 3;
            if ((mapMask >> plane & 1) != 0) {
                planes[plane][address & ~3 & (PLANE_SIZE - 1)] = (byte) value;
            }
            return;
        }
        if (oddEven()) {
            int plane = address & 1;
            if ((mapMask >> plane & 1) != 0) {
                planes[plane][address & ~1 & (PLANE_SIZE - 1)] = (byte) value;
            }
            return;
        }
        int planeAddress = address & (PLANE_SIZE - 1);
        for (int p = 0; p < 4; p++) {
            if ((mapMask >> p & 1) != 0) {
                planes[p][planeAddress] = (byte) pipeline(p, value);
            }
        }
    }

    /** The value written to plane {@code p} for CPU byte {@code value} in the current write mode (GR05 bits 1-0). */
    private int pipeline(int p, int value) {
        int[] gr = registers.graphics;
        int rotated = rotate(value, gr[3] & 7);
        int setReset = (gr[0] >> p & 1) != 0 ? 0xFF : 0x00;
        int bitMask = gr[8];
        int data;
        switch (gr[5] & 3) {
            case 1 -> {
                return latches[p];
            }
            case 2 -> data = (value >> p & 1) != 0 ? 0xFF : 0x00;
            case 3 -> {
                data = setReset;
                bitMask &= rotated;
            }
            default -> data = (gr[1] >> p & 1) != 0 ? setReset : rotated;
        }
        data = switch (gr[3] >> 3 & 3) {
            case 1 -> data & latches[p];
            case 2 -> data | latches[p];
            case 3 -> data ^ latches[p];
            default -> data;
        };
        return (data & bitMask | latches[p] & ~bitMask) & 0xFF;
    }

    private static int rotate(int value, int count) {
        return (value >>> count | value << (8 - count)) & 0xFF;
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        for (byte[] plane : planes) {
            StateArrays.writeBytes(out, plane);
        }
        StateArrays.writeInts(out, latches);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        for (byte[] plane : planes) {
            StateArrays.readBytes(in, plane);
        }
        StateArrays.readInts(in, latches);
    }
}
