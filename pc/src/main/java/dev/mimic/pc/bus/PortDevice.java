package dev.mimic.pc.bus;

/**
 * A device answering a range of I/O ports on the {@link IoBus}. Most ISA devices have 8-bit
 * registers: they leave {@link #accepts} at its default and the bus splits wider accesses into
 * byte accesses of consecutive ports, as the ISA bus cycle splitter does. Devices with wider
 * registers (the PCI configuration data port, an ATA data port) accept them whole.
 */
public interface PortDevice {
    /** Reads {@code size} bytes at {@code port}, an address inside the range the device claimed. */
    int read(int port, int size);

    /** Writes the low {@code size} bytes of {@code value} to {@code port}. */
    void write(int port, int size, int value);

    /** Whether an access of {@code size} bytes at {@code port} reaches the device whole. */
    default boolean accepts(int port, int size) {
        return size == 1;
    }
}
