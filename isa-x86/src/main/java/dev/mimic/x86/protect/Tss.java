package dev.mimic.x86.protect;

import dev.mimic.x86.cpu.Vector;

/**
 * What the CPU reads from the current task-state segment outside task switches (SDM vol. 3 7.2.1):
 * the stack of an inner privilege level, and the I/O permission bitmap (16.5.2).
 */
public final class Tss {
    private Tss() {
    }

    /** True when the current TSS is a 32-bit one. */
    static boolean wide(Cpu cpu) {
        return (cpu.trAttributes >>> 8 & 8) != 0;
    }

    /** The SS (high half) and ESP (low half) of privilege level {@code dpl}; #TS(TR) when the TSS is too short. */
    static long innerStack(Cpu cpu, int dpl) {
        boolean wide = wide(cpu);
        int offset = wide ? 4 + dpl * 8 : 2 + dpl * 4;
        int last = offset + (wide ? 5 : 3);
        if (last > cpu.trLimit) {
            throw Vector.raise(Vector.TS, cpu.trSelector & ~3, "TSS too short for the ring " + dpl + " stack");
        }
        int sp = wide ? cpu.readSystem32(cpu.trBase + offset) : cpu.readSystem16(cpu.trBase + offset);
        int ss = cpu.readSystem16(cpu.trBase + offset + (wide ? 4 : 2));
        return (long) ss << 32 | sp & 0xFFFF_FFFFL;
    }

    /**
     * True when the I/O bitmap of the current 32-bit TSS lets CPL > IOPL code (and virtual-8086 code) use
     * {@code size} ports at {@code port}: every bit of them clear and within the TSS limit.
     */
    public static boolean allowsPorts(Cpu cpu, int port, int size) {
        if (!wide(cpu) || cpu.trLimit < 0x67) {
            return false;
        }
        int bitmap = cpu.readSystem16(cpu.trBase + 0x66);
        int byteOffset = bitmap + (port >>> 3);
        if (byteOffset + 1 > cpu.trLimit) {
            return false;
        }
        int bits = cpu.readSystem16(cpu.trBase + byteOffset);
        int mask = (1 << size) - 1 << (port & 7);
        return (bits & mask) == 0;
    }
}
