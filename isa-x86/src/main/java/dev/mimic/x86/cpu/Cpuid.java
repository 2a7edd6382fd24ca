package dev.mimic.x86.cpu;

import dev.mimic.backend.exec.ExecutionContext;

/**
 * What CPUID reports and RDTSC counts. The CPU is a Pentium Pro class part (family 6) with the features
 * the issue names: FPU, TSC, CX8, CMOV, PSE, PGE and MSR (plus SEP and MTRR in system mode, and APIC when the platform has one), and nothing newer, so that guest libraries
 * (glibc's ifunc selection) pick their i686 code paths. RDTSC counts guest instructions, so runs repeat.
 */
public final class Cpuid {
    /** Vendor string "GenuineIntel" in EBX, EDX, ECX order. */
    private static final int VENDOR_EBX = 0x756E6547, VENDOR_EDX = 0x49656E69, VENDOR_ECX = 0x6C65746E;
    /** Family 6, model 1, stepping 9: a Pentium Pro. */
    private static final int SIGNATURE = 0x619;
    /** EDX of leaf 1 for a process: FPU(0) PSE(3) TSC(4) MSR(5) CX8(8) PGE(13) CMOV(15). */
    public static final int USER_FEATURES = 1 | 1 << 3 | 1 << 4 | 1 << 5 | 1 << 8 | 1 << 13 | 1 << 15;
    /**
     * EDX of leaf 1 for a system-mode machine: also VME(1), DE(2), SEP(11) and MTRR(12), which it implements. {@link #APIC}
     * is added only when the platform attaches a local APIC: an OS that sees the bit programs the APIC's
     * registers and stops when they read all ones (Linux BUGs in setup_local_APIC).
     */
    public static final int SYSTEM_FEATURES = USER_FEATURES | 1 << 1 | 1 << 2 | 1 << 11 | 1 << 12;
    /** EDX bit 9 of leaf 1: an on-chip local APIC at the address IA32_APIC_BASE holds. */
    public static final int APIC = 1 << 9;

    private Cpuid() {
    }

    /** EAX in the low half and EBX in the high half of leaf {@code leaf}. */
    public static long eaxEbx(int leaf) {
        return switch (leaf) {
            case 0 -> 1 | (long) VENDOR_EBX << 32;
            case 1 -> SIGNATURE;
            default -> 0;
        };
    }

    /** ECX in the low half and EDX in the high half of leaf {@code leaf}, leaf 1 reporting {@code features}. */
    public static long ecxEdx(int leaf, int features) {
        return switch (leaf) {
            case 0 -> VENDOR_ECX & 0xFFFF_FFFFL | (long) VENDOR_EDX << 32;
            case 1 -> (long) features << 32;
            default -> 0;
        };
    }

    /** The time stamp counter: one tick per guest instruction. */
    public static long timeStamp(ExecutionContext ctx) {
        return ctx.instructions;
    }
}
