package dev.mimic.pc.vga;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.bus.PortDevice;
import dev.mimic.pc.snapshot.Snapshottable;
import dev.mimic.pc.snapshot.StateArrays;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The Bochs VBE ("DISPI") interface of QEMU's standard VGA: sixteen-bit registers behind an index
 * port (0x1CE) and a data port (0x1CF) that set a linear framebuffer mode of any size and depth
 * directly, which is how SeaBIOS's vgabios-stdvga and Linux's bochs driver implement VBE. Register
 * numbers and bits are the Bochs VBE interface's (vbe.h of the Bochs VGA BIOS): ID 0xB0C0-0xB0C5,
 * XRES, YRES, BPP, ENABLE, BANK, VIRT_WIDTH, VIRT_HEIGHT, X_OFFSET, Y_OFFSET, VIDEO_MEMORY_64K.
 */
public final class VbeRegisters implements PortDevice, Snapshottable {
    public static final int INDEX_PORT = 0x1CE;
    public static final int DATA_PORT = 0x1CF;

    static final int ID = 0, XRES = 1, YRES = 2, BPP = 3, ENABLE = 4, BANK = 5, VIRT_WIDTH = 6, VIRT_HEIGHT = 7,
            X_OFFSET = 8, Y_OFFSET = 9, VIDEO_MEMORY_64K = 10;
    static final int ENABLED = 0x01, GETCAPS = 0x02, DAC_8BIT = 0x20, LFB_ENABLED = 0x40, NOCLEARMEM = 0x80;
    private static final int ID_FIRST = 0xB0C0, ID_LAST = 0xB0C5;
    /** The largest mode GETCAPS reports, as QEMU's. */
    private static final int MAX_XRES = 16000, MAX_YRES = 12000, MAX_BPP = 32;

    private final int[] registers = new int[11];
    private final byte[] framebuffer;
    private int index;

    VbeRegisters(byte[] framebuffer) {
        this.framebuffer = framebuffer;
        registers[ID] = ID_LAST;
        registers[BPP] = 8;
        registers[VIDEO_MEMORY_64K] = framebuffer.length >> 16;
    }

    public void attach(IoBus bus) {
        bus.map(INDEX_PORT, 2, this);
    }

    @Override
    public boolean accepts(int port, int size) {
        return size <= 2;
    }

    @Override
    public int read(int port, int size) {
        return port == INDEX_PORT ? index : register(index);
    }

    @Override
    public void write(int port, int size, int value) {
        if (port == INDEX_PORT) {
            index = value & 0xFFFF;
        } else {
            setRegister(index, value & 0xFFFF);
        }
    }

    /** Register {@code number}; with GETCAPS set, XRES, YRES and BPP give the largest mode instead. */
    int register(int number) {
        if (number < 0 || number >= registers.length) {
            return 0;
        }
        if ((registers[ENABLE] & GETCAPS) != 0) {
            switch (number) {
                case XRES -> {
                    return MAX_XRES;
                }
                case YRES -> {
                    return MAX_YRES;
                }
                case BPP -> {
                    return MAX_BPP;
                }
                default -> { }
            }
        }
        return registers[number];
    }

    void setRegister(int number, int value) {
        switch (number) {
            case ID -> {
                if (value >= ID_FIRST && value <= ID_LAST) {
                    registers[ID] = value;
                }
            }
            case XRES, YRES, BANK, X_OFFSET, Y_OFFSET -> registers[number] = value;
            case BPP -> registers[BPP] = value == 0 ? 8 : value;
            case ENABLE -> enable(value);
            case VIRT_WIDTH -> {
                registers[VIRT_WIDTH] = value;
                registers[VIRT_HEIGHT] = fittingLines(value);
            }
            default -> { }
        }
    }

    /** Entering a mode resets the virtual screen to the visible one and clears memory unless NOCLEARMEM. */
    private void enable(int value) {
        boolean entering = (value & ENABLED) != 0 && !enabled();
        registers[ENABLE] = value;
        if (entering) {
            registers[VIRT_WIDTH] = registers[XRES];
            registers[VIRT_HEIGHT] = fittingLines(registers[XRES]);
            registers[X_OFFSET] = 0;
            registers[Y_OFFSET] = 0;
            if ((value & NOCLEARMEM) == 0) {
                Arrays.fill(framebuffer, (byte) 0);
            }
        }
    }

    /** How many lines of {@code width} pixels video memory holds, at most 0xFFFF. */
    private int fittingLines(int width) {
        int stride = width * bytesPerPixel();
        return stride == 0 ? 0 : Math.min(0xFFFF, framebuffer.length / stride);
    }

    /** Whether a DISPI mode is on: the VGA then shows the framebuffer instead of its planes. */
    boolean enabled() {
        return (registers[ENABLE] & ENABLED) != 0;
    }

    boolean eightBitDac() {
        return (registers[ENABLE] & DAC_8BIT) != 0;
    }

    int width() {
        return registers[XRES];
    }

    int height() {
        return registers[YRES];
    }

    int bitsPerPixel() {
        return registers[BPP];
    }

    int bytesPerPixel() {
        return (registers[BPP] + 7) / 8;
    }

    /** Bytes from one line to the next: the virtual width in pixels. */
    int stride() {
        return registers[VIRT_WIDTH] * bytesPerPixel();
    }

    /** Where the visible screen starts in the framebuffer (the panning offsets). */
    int start() {
        return registers[Y_OFFSET] * stride() + registers[X_OFFSET] * bytesPerPixel();
    }

    /** The 64 KiB bank the VGA window at 0xA0000 shows while a mode is on. */
    int bankOffset() {
        return registers[BANK] << 16;
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        StateArrays.writeInts(out, registers);
        out.writeInt(index);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        StateArrays.readInts(in, registers);
        index = in.readInt();
    }
}
