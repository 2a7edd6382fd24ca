package dev.mimic.pc.memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * One range of the BIOS E820 memory map (ACPI 6.5 section 15, "System Address Map Interfaces"):
 * what an operating system may use (type 1), must leave alone (2), or reclaims after reading ACPI
 * tables (3).
 */
public record E820Entry(long address, long length, int type) {
    public static final int USABLE = 1;
    public static final int RESERVED = 2;

    /** Bytes per entry in the packed little-endian form of boot_params and fw_cfg's etc/e820. */
    public static final int SIZE = 20;

    /** The entries packed back to back: u64 address, u64 length, u32 type. */
    public static byte[] encode(List<E820Entry> entries) {
        ByteBuffer buffer = ByteBuffer.allocate(entries.size() * SIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (E820Entry e : entries) {
            buffer.putLong(e.address).putLong(e.length).putInt(e.type);
        }
        return buffer.array();
    }
}
