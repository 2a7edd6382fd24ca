package dev.mimic.pc.vga;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.bus.PortDevice;
import dev.mimic.pc.snapshot.Snapshottable;
import dev.mimic.pc.snapshot.StateArrays;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The VGA's register file at 0x3B0-0x3DF (IBM VGA Technical Reference; FreeVGA "VGA Register
 * Reference"): miscellaneous output, the sequencer, graphics controller and CRT controller
 * behind index/data port pairs, the attribute controller behind its index/data flip-flop (reset
 * by reading input status 1), and the DAC's 256 six-bit RGB entries. The CRT controller answers
 * at 0x3D4 or at the monochrome 0x3B4 as misc output bit 0 says, and CR11 bit 7 write-protects
 * CR00-CR07.
 */
public final class VgaRegisters implements PortDevice, Snapshottable {
    final int[] sequencer = new int[5];
    final int[] graphics = new int[9];
    final int[] crtc = new int[25];
    final int[] attribute = new int[21];
    /**
     * DAC entries as 0x00RRGGBB, each component as written: six bits are significant unless the
     * Bochs VBE interface switched the DAC to eight ({@link #rgb}).
     */
    final int[] dac = new int[256];
    int misc;

    private int sequencerIndex;
    private int graphicsIndex;
    private int crtcIndex;
    private int attributeIndex;
    private boolean attributeDataNext;
    private int dacWriteIndex;
    private int dacReadIndex;
    private int dacComponent;
    private int dacLatch;
    private int pelMask = 0xFF;
    private boolean retraceToggle;

    public void attach(IoBus bus) {
        bus.map(0x3B4, 2, this);
        bus.map(0x3BA, 1, this);
        bus.map(0x3C0, 16, this);
        bus.map(0x3D4, 2, this);
        bus.map(0x3DA, 1, this);
    }

    private boolean colorCrtc() {
        return (misc & 1) != 0;
    }

    /** Whether {@code port} is the CRT controller's (or input status 1's) address in the current mono/colour mode. */
    private boolean crtcPortActive(int port) {
        return (port & 0xFFF0) == (colorCrtc() ? 0x3D0 : 0x3B0);
    }

    @Override
    public int read(int port, int size) {
        return switch (port) {
            case 0x3C0 -> attributeIndex;
            case 0x3C1 -> (attributeIndex & 0x1F) < attribute.length ? attribute[attributeIndex & 0x1F] : 0;
            case 0x3C2 -> 0x00;
            case 0x3C4 -> sequencerIndex;
            case 0x3C5 -> sequencerIndex < sequencer.length ? sequencer[sequencerIndex] : 0;
            case 0x3C6 -> pelMask;
            case 0x3C8 -> dacWriteIndex;
            case 0x3C9 -> readDac();
            case 0x3CC -> misc;
            case 0x3CE -> graphicsIndex;
            case 0x3CF -> graphicsIndex < graphics.length ? graphics[graphicsIndex] : 0;
            case 0x3B4, 0x3D4 -> crtcPortActive(port) ? crtcIndex : 0xFF;
            case 0x3B5, 0x3D5 -> crtcPortActive(port) && crtcIndex < crtc.length ? crtc[crtcIndex] : 0xFF;
            case 0x3BA, 0x3DA -> crtcPortActive(port) ? inputStatus1() : 0xFF;
            default -> 0xFF;
        };
    }

    /** Bits 0 (display disabled) and 3 (vertical retrace) alternate on every read, so polling loops end. */
    private int inputStatus1() {
        attributeDataNext = false;
        retraceToggle = !retraceToggle;
        return retraceToggle ? 0x09 : 0x00;
    }

    @Override
    public void write(int port, int size, int value) {
        switch (port) {
            case 0x3C0 -> writeAttribute(value);
            case 0x3C2 -> misc = value;
            case 0x3C4 -> sequencerIndex = value & 0x1F;
            case 0x3C5 -> {
                if (sequencerIndex < sequencer.length) {
                    sequencer[sequencerIndex] = value;
                }
            }
            case 0x3C6 -> pelMask = value;
            case 0x3C7 -> {
                dacReadIndex = value;
                dacComponent = 0;
            }
            case 0x3C8 -> {
                dacWriteIndex = value;
                dacComponent = 0;
            }
            case 0x3C9 -> writeDac(value);
            case 0x3CE -> graphicsIndex = value & 0x0F;
            case 0x3CF -> {
                if (graphicsIndex < graphics.length) {
                    graphics[graphicsIndex] = value;
                }
            }
            case 0x3B4, 0x3D4 -> {
                if (crtcPortActive(port)) {
                    crtcIndex = value & 0x3F;
                }
            }
            case 0x3B5, 0x3D5 -> {
                if (crtcPortActive(port)) {
                    writeCrtc(value);
                }
            }
            default -> { }
        }
    }

    private void writeCrtc(int value) {
        if (crtcIndex >= crtc.length) {
            return;
        }
        boolean locked = (crtc[0x11] & 0x80) != 0;
        if (locked && crtcIndex <= 7) {
            if (crtcIndex == 7) {
                crtc[7] = crtc[7] & ~0x10 | value & 0x10;
            }
            return;
        }
        crtc[crtcIndex] = value;
    }

    private void writeAttribute(int value) {
        if (!attributeDataNext) {
            attributeIndex = value & 0x3F;
        } else if ((attributeIndex & 0x1F) < attribute.length) {
            attribute[attributeIndex & 0x1F] = value;
        }
        attributeDataNext = !attributeDataNext;
    }

    /** Three writes, red, green, blue, fill one entry; the write index then moves on. */
    private void writeDac(int value) {
        dacLatch = dacLatch << 8 | value & 0xFF;
        if (++dacComponent == 3) {
            dac[dacWriteIndex] = dacLatch & 0xFFFFFF;
            dacWriteIndex = (dacWriteIndex + 1) & 0xFF;
            dacComponent = 0;
            dacLatch = 0;
        }
    }

    private int readDac() {
        int value = dac[dacReadIndex] >>> (16 - 8 * dacComponent) & 0xFF;
        if (++dacComponent == 3) {
            dacReadIndex = (dacReadIndex + 1) & 0xFF;
            dacComponent = 0;
        }
        return value;
    }

    /** The last displayed scan line: CR12 with its bits 8 and 9 from the overflow register CR07. */
    int verticalDisplayEnd() {
        return crtc[0x12] | (crtc[7] & 0x02) << 7 | (crtc[7] & 0x40) << 3;
    }

    /**
     * The DAC index of 4-bit colour {@code index} through the attribute palette: AR00-AR0F give
     * six bits, AR14 the top two and, with AR10 bit 7 (P54S), bits 5-4 too.
     */
    int attributeColor(int index) {
        int palette = attribute[index & 0x0F] & 0x3F;
        int select = attribute[0x14];
        int low = (attribute[0x10] & 0x80) != 0 ? (select & 3) << 4 | palette & 0x0F : palette;
        return (select & 0x0C) << 4 | low;
    }

    /**
     * DAC entry {@code index} as 0xRRGGBB after the PEL mask: components used whole with an
     * eight-bit DAC, else their six bits widened with the lowest bit filling the two new ones (as
     * QEMU's display does, so screendumps of both compare pixel for pixel).
     */
    int rgb(int index, boolean eightBitDac) {
        int entry = dac[index & pelMask];
        if (eightBitDac) {
            return entry;
        }
        return widen(entry >> 16) << 16 | widen(entry >> 8) << 8 | widen(entry);
    }

    /** The whole DAC through {@link #rgb}, for drawing a frame. */
    int[] palette(boolean eightBitDac) {
        int[] palette = new int[dac.length];
        for (int i = 0; i < palette.length; i++) {
            palette[i] = rgb(i, eightBitDac);
        }
        return palette;
    }

    private static int widen(int component) {
        int six = component & 0x3F;
        int low = six & 1;
        return six << 2 | low << 1 | low;
    }

    /**
     * Programs BIOS mode 3 (80x25 colour text, 9x16 cells, at 0xB8000) and the EGA-compatible DAC
     * colours, as the VGA BIOS leaves the card; for booting a kernel without firmware.
     */
    public void setTextMode3() {
        misc = 0x67;
        System.arraycopy(new int[] {0x03, 0x00, 0x03, 0x00, 0x02}, 0, sequencer, 0, 5);
        System.arraycopy(new int[] {0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x0E, 0x00, 0xFF}, 0, graphics, 0, 9);
        System.arraycopy(new int[] {0x5F, 0x4F, 0x50, 0x82, 0x55, 0x81, 0xBF, 0x1F, 0x00, 0x4F, 0x0D, 0x0E, 0x00, 0x00,
            0x00, 0x00, 0x9C, 0x8E, 0x8F, 0x28, 0x1F, 0x96, 0xB9, 0xA3, 0xFF}, 0, crtc, 0, 25);
        System.arraycopy(new int[] {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x14, 0x07, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D,
            0x3E, 0x3F, 0x0C, 0x00, 0x0F, 0x08, 0x00}, 0, attribute, 0, 21);
        for (int i = 0; i < 64; i++) {
            dac[i] = egaComponent(i >> 2 & 1, i >> 5 & 1) << 16 | egaComponent(i >> 1 & 1, i >> 4 & 1) << 8 | egaComponent(i & 1, i >> 3 & 1);
        }
    }

    /** An EGA colour component: the primary bit gives 2/3 intensity, the secondary 1/3 (six-bit scale). */
    private static int egaComponent(int primary, int secondary) {
        return primary * 0x2A + secondary * 0x15;
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        for (int[] registers : new int[][] {sequencer, graphics, crtc, attribute, dac}) {
            StateArrays.writeInts(out, registers);
        }
        for (int v : new int[] {misc, sequencerIndex, graphicsIndex, crtcIndex, attributeIndex, dacWriteIndex, dacReadIndex,
            dacComponent, dacLatch, pelMask}) {
            out.writeInt(v);
        }
        out.writeBoolean(attributeDataNext);
        out.writeBoolean(retraceToggle);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        for (int[] registers : new int[][] {sequencer, graphics, crtc, attribute, dac}) {
            StateArrays.readInts(in, registers);
        }
        misc = in.readInt();
        sequencerIndex = in.readInt();
        graphicsIndex = in.readInt();
        crtcIndex = in.readInt();
        attributeIndex = in.readInt();
        dacWriteIndex = in.readInt();
        dacReadIndex = in.readInt();
        dacComponent = in.readInt();
        dacLatch = in.readInt();
        pelMask = in.readInt();
        attributeDataNext = in.readBoolean();
        retraceToggle = in.readBoolean();
    }
}
