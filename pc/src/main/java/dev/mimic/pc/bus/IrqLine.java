package dev.mimic.pc.bus;

/**
 * One interrupt request wire from a device to the interrupt controller. Devices drive its level;
 * the controller decides whether an edge or the level is what counts (ELCR).
 */
@FunctionalInterface
public interface IrqLine {
    void set(boolean level);

    /** A line connected to nothing, for a device built without an interrupt. */
    IrqLine NONE = level -> { };
}
