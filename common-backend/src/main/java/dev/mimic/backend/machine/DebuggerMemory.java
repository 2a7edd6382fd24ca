package dev.mimic.backend.machine;

import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.memory.GuestMemory;

/**
 * Guest memory as a debugger reads and writes it through {@link Machine#readMemory} and
 * {@link Machine#writeMemory}: a guest fault there is the user's mistake, not the guest's, so it
 * becomes one line ({@code cannot read 4 bytes at 0x10: not mapped}) instead of a guest event.
 */
public final class DebuggerMemory {
    private DebuggerMemory() {
    }

    /** {@code length} bytes at {@code address}; {@code unreachable} says why a fault happened. */
    public static byte[] read(GuestMemory memory, long address, int length, String unreachable) {
        byte[] bytes = new byte[length];
        try {
            memory.read(address, bytes, 0, length);
        } catch (GuestFault f) {
            throw new MachineException("cannot read " + length + " bytes at 0x" + Long.toHexString(address) + ": " + unreachable);
        }
        return bytes;
    }

    /** Writes {@code bytes} at {@code address}; {@code unreachable} says why a fault happened. */
    public static void write(GuestMemory memory, long address, byte[] bytes, String unreachable) {
        try {
            memory.write(address, bytes, 0, bytes.length);
        } catch (GuestFault f) {
            throw new MachineException("cannot write " + bytes.length + " bytes at 0x" + Long.toHexString(address) + ": " + unreachable);
        }
    }
}
