package dev.mimic.x86.system;

/**
 * A device that answers physical memory accesses in a window of the address space (VGA memory, an
 * APIC, a flash ROM's command registers) instead of RAM. Offsets are from the window's start; accesses
 * are 1, 2 or 4 bytes, little-endian, and an 8-byte access arrives as two 4-byte ones.
 */
public interface MmioDevice {
    int read(long offset, int size);

    void write(long offset, int size, int value);
}
