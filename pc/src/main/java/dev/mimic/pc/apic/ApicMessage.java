package dev.mimic.pc.apic;

/**
 * One interrupt message on the APIC bus, from the I/O APIC's redirection table or a local APIC's ICR
 * to the local APICs it names (82093AA datasheet 3.2.4, SDM vol. 3 10.6.1): which vector, how it is
 * delivered, whom it is for ({@code logical} selects the logical destination mode) and whether it is
 * level-triggered, which asks the receiver to broadcast its EOI back.
 */
public record ApicMessage(int vector, DeliveryMode mode, boolean logical, int destination, boolean level) {
}
