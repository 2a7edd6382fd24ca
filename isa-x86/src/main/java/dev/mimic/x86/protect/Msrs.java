package dev.mimic.x86.protect;

import dev.mimic.x86.cpu.Vector;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The model-specific registers Linux and SeaBIOS touch on a Pentium Pro class CPU (SDM vol. 4): the
 * time-stamp counter, the APIC base, SYSENTER's three registers, MISC_ENABLE and the MTRRs. Others
 * raise #GP(0), as an unimplemented MSR does on the hardware.
 */
public final class Msrs {
    public static final int TSC = 0x10, APIC_BASE = 0x1B, MTRR_CAP = 0xFE, SYSENTER_CS = 0x174, SYSENTER_ESP = 0x175,
            SYSENTER_EIP = 0x176, MISC_ENABLE = 0x1A0, MTRR_DEF_TYPE = 0x2FF;
    /** The bootstrap processor's APIC at its default address, enabled. */
    private static final long APIC_DEFAULT = 0xFEE0_0000L | 1 << 8 | 1 << 11;
    /** Eight variable ranges, fixed ranges and write-combining supported. */
    private static final long MTRR_CAPABILITIES = 0x508;

    private final Map<Integer, Long> values = new HashMap<>();
    private LongConsumer apicBaseWritten = value -> { };
    /** What the TSC read at instruction count 0 (WRMSR to the TSC moves it). */
    private long tscOffset;

    public Msrs() {
        values.put(APIC_BASE, APIC_DEFAULT);
        values.put(MTRR_CAP, MTRR_CAPABILITIES);
    }

    public long tsc(long instructions) {
        return instructions + tscOffset;
    }

    /**
     * Counts {@code cycles} that passed without instructions (the processor waited in HLT while the
     * platform moved its clock on): the TSC runs at a constant rate whatever the processor does
     * (SDM vol. 3 17.17), so software timing with it sees the time the devices saw.
     */
    public void idle(long cycles) {
        tscOffset += cycles;
    }

    public long read(int msr, long instructions) {
        if (msr == TSC) {
            return tsc(instructions);
        }
        if (!known(msr)) {
            throw Vector.generalProtection(0, "rdmsr of unknown MSR 0x" + Integer.toHexString(msr));
        }
        return values.getOrDefault(msr, 0L);
    }

    public void write(int msr, long value, long instructions) {
        if (msr == TSC) {
            tscOffset = value - instructions;
            return;
        }
        if (!known(msr) || msr == MTRR_CAP) {
            throw Vector.generalProtection(0, "wrmsr of MSR 0x" + Integer.toHexString(msr));
        }
        values.put(msr, value);
        if (msr == APIC_BASE) {
            apicBaseWritten.accept(value);
        }
    }

    /** Tells {@code listener} each value WRMSR puts in IA32_APIC_BASE (its enable bit turns the local APIC on and off). */
    public void onApicBaseWrite(LongConsumer listener) {
        apicBaseWritten = listener;
    }

    /** Writes every MSR value and the TSC offset, for snapshots. */
    public void write(DataOutputStream out) throws IOException {
        out.writeLong(tscOffset);
        out.writeInt(values.size());
        for (Map.Entry<Integer, Long> e : values.entrySet()) {
            out.writeInt(e.getKey());
            out.writeLong(e.getValue());
        }
    }

    public void read(DataInputStream in) throws IOException {
        tscOffset = in.readLong();
        values.clear();
        for (int n = in.readInt(); n > 0; n--) {
            values.put(in.readInt(), in.readLong());
        }
    }

    public int sysenterCs() {
        return values.getOrDefault(SYSENTER_CS, 0L).intValue();
    }

    public int sysenterEsp() {
        return values.getOrDefault(SYSENTER_ESP, 0L).intValue();
    }

    public int sysenterEip() {
        return values.getOrDefault(SYSENTER_EIP, 0L).intValue();
    }

    /** TSC, APIC base, SYSENTER, MISC_ENABLE, MTRR capability/default/variable (0x200-0x20F) and fixed ranges. */
    private static boolean known(int msr) {
        return switch (msr) {
            case TSC, APIC_BASE, MTRR_CAP, SYSENTER_CS, SYSENTER_ESP, SYSENTER_EIP, MISC_ENABLE, MTRR_DEF_TYPE,
                 0x250, 0x258, 0x259, 0x268, 0x269, 0x26A, 0x26B, 0x26C, 0x26D, 0x26E, 0x26F -> true;
            default -> msr >= 0x200 && msr <= 0x20F;
        };
    }
}
