package dev.mimic.pc.apic;

/**
 * How an interrupt message is delivered, as encoded in bits 10:8 of a redirection entry, an LVT entry
 * or the ICR (82093AA datasheet 3.2.4, SDM vol. 3 10.5.1). A single processor treats lowest priority
 * as fixed, since it is always the lowest-priority target.
 */
public enum DeliveryMode {
    FIXED, LOWEST_PRIORITY, SMI, RESERVED, NMI, INIT, STARTUP, EXTINT;

    /** The mode in bits 10:8 of {@code entry}. */
    public static DeliveryMode of(int entry) {
        return values()[entry >>> 8 & 7];
    }
}
