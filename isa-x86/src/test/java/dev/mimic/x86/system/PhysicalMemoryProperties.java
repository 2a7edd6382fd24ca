package dev.mimic.x86.system;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Random accesses of every width around RAM's end, a device window and a ROM read what a byte-by-byte
 * model of the PC bus says: RAM keeps bytes, the device answers its window, the ROM ignores writes and
 * the rest reads all ones.
 */
class PhysicalMemoryProperties {
    private static final int RAM = 0x3000, DEVICE = 0x1000, ROM = 0x4000;

    /** A device whose bytes are a small RAM of its own, so the model can predict it. */
    private static final class Register implements MmioDevice {
        final byte[] bytes = new byte[0x10];

        @Override
        public int read(long offset, int size) {
            int v = 0;
            for (int i = 0; i < size; i++) {
                v |= (bytes[(int) offset + i] & 0xFF) << 8 * i;
            }
            return v;
        }

        @Override
        public void write(long offset, int size, int value) {
            for (int i = 0; i < size; i++) {
                bytes[(int) offset + i] = (byte) (value >>> 8 * i);
            }
        }
    }

    record Access(int address, int width, boolean store, int value) {
    }

    @Property(tries = 300)
    void accessesMatchAByteModel(@ForAll @Size(max = 40) List<@IntRange(max = 0x4FFF) Integer> addresses,
                                 @ForAll @Size(min = 40, max = 40) List<@IntRange(min = 0, max = 3) Integer> widths,
                                 @ForAll @Size(min = 40, max = 40) List<Integer> values) {
        PhysicalMemory memory = new PhysicalMemory(RAM);
        Register device = new Register();
        memory.mapDevice(DEVICE, 0x10, device);
        byte[] rom = new byte[0x20];
        for (int i = 0; i < rom.length; i++) {
            rom[i] = (byte) (0x80 + i);
        }
        memory.mapRom(ROM, rom);
        byte[] model = new byte[0x5000];
        java.util.Arrays.fill(model, (byte) 0xFF);
        java.util.Arrays.fill(model, 0, RAM, (byte) 0);
        System.arraycopy(rom, 0, model, ROM, rom.length);
        for (int i = 0; i < addresses.size(); i++) {
            int width = 1 << widths.get(i);
            int address = Math.min(addresses.get(i), 0x5000 - width);
            if (crossesDeviceEdge(address, width)) {
                continue;
            }
            boolean store = (values.get(i) & 1) != 0;
            int value = values.get(i);
            if (store) {
                switch (width) {
                    case 1 -> memory.store8(address, value);
                    case 2 -> memory.store16(address, value);
                    case 4 -> memory.store32(address, value);
                    default -> memory.store64(address, (long) value << 32 | value & 0xFFFF_FFFFL);
                }
                long v = width == 8 ? (long) value << 32 | value & 0xFFFF_FFFFL : value;
                for (int b = 0; b < width; b++) {
                    int a = address + b;
                    if (a < RAM) {
                        model[a] = (byte) (v >>> 8 * b);     // RAM, and the device's own bytes inside it
                    }
                }
            } else {
                long expected = 0;
                for (int b = 0; b < width; b++) {
                    expected |= (model[address + b] & 0xFFL) << 8 * b;
                }
                long actual = switch (width) {
                    case 1 -> memory.load8(address);
                    case 2 -> memory.load16(address);
                    case 4 -> memory.load32(address) & 0xFFFF_FFFFL;
                    default -> memory.load64(address);
                };
                assertEquals(expected, actual, "load" + width * 8 + " at 0x" + Integer.toHexString(address));
            }
        }
    }

    /** Accesses half in the device window are split differently by width; the model keeps out of them. */
    private static boolean crossesDeviceEdge(int address, int width) {
        boolean first = address >= DEVICE && address < DEVICE + 0x10;
        boolean last = address + width - 1 >= DEVICE && address + width - 1 < DEVICE + 0x10;
        return first != last;
    }
}
