package dev.mimic.pc.apic;

/**
 * Where the I/O APIC sends its messages: the processors' local APICs, or a test's recorder, so the
 * I/O APIC is tested without a processor.
 */
@FunctionalInterface
public interface ApicBus {
    void deliver(ApicMessage message);
}
