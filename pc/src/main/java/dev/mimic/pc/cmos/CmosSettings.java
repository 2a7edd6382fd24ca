package dev.mimic.pc.cmos;

import dev.mimic.pc.memory.RamLayout;

import java.util.Locale;

/**
 * What a PC's setup program would have stored in CMOS, in the bytes SeaBIOS reads (as QEMU's PC
 * fills them): base and extended memory sizes, memory above 16 MiB and above 4 GiB in 64 KiB
 * units, the CPU count, and the boot device order.
 *
 * @param ram       where the RAM is
 * @param cpus      number of processors
 * @param bootOrder QEMU's {@code -boot} letters, first choice first: a (floppy), c (disk), d (CD-ROM), n (network)
 */
public record CmosSettings(RamLayout ram, int cpus, String bootOrder) {
    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    private static final long UNIT_64K = 64 * KIB;

    public CmosSettings {
        if (bootOrder.length() > 3) {
            throw new IllegalArgumentException("CMOS holds three boot devices, not " + bootOrder.length());
        }
        for (char c : bootOrder.toCharArray()) {
            deviceCode(c);
        }
    }

    /** Writes the settings into {@code cmos}. */
    public void applyTo(Mc146818 cmos) {
        putWord(cmos, 0x15, 640);
        long extendedKib = Math.min(Math.max(ram.below4g() / KIB - 1024, 0), 0xFFFF);
        putWord(cmos, 0x17, (int) extendedKib);
        putWord(cmos, 0x30, (int) extendedKib);
        long above16m = Math.min(Math.max(ram.below4g() - 16 * MIB, 0) / UNIT_64K, 0xFFFF);
        putWord(cmos, 0x34, (int) above16m);
        long high = ram.above4g() / UNIT_64K;
        cmos.set(0x5B, (int) high);
        cmos.set(0x5C, (int) (high >>> 8));
        cmos.set(0x5D, (int) (high >>> 16));
        cmos.set(0x5F, cpus - 1);
        int[] codes = new int[3];
        for (int i = 0; i < bootOrder.length(); i++) {
            codes[i] = deviceCode(bootOrder.charAt(i));
        }
        cmos.set(0x3D, codes[1] << 4 | codes[0]);
        // Bit 0 set: skip the floppy boot-signature check, as QEMU does by default.
        cmos.set(0x38, codes[2] << 4 | 1);
    }

    private static void putWord(Mc146818 cmos, int offset, int value) {
        cmos.set(offset, value & 0xFF);
        cmos.set(offset + 1, value >>> 8 & 0xFF);
    }

    private static int deviceCode(char letter) {
        return switch (Character.toLowerCase(letter)) {
            case 'a' -> 1;
            case 'c' -> 2;
            case 'd' -> 3;
            case 'n' -> 4;
            default -> throw new IllegalArgumentException(String.format(Locale.ROOT, "boot device '%c' is not one of a, c, d, n", letter));
        };
    }
}
