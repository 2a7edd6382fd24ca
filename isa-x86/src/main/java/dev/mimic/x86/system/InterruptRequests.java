package dev.mimic.x86.system;

/**
 * The processor's INTR pin and the acknowledge cycle behind it: an interrupt controller raises a
 * request, and when the CPU takes it (IF set, at an instruction boundary) it asks for the vector. The
 * CPU only samples this; the controller (an 8259A pair, an APIC) decides priority and masking.
 */
public interface InterruptRequests {
    /** True while some maskable interrupt is requested. */
    boolean pending();

    /** Takes the highest-priority request and returns its vector (0-255), as the INTA cycle does. */
    int acknowledge();
}
