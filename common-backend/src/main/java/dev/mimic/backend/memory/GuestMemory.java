package dev.mimic.backend.memory;

/**
 * Guest memory as IR load and store ops see it: little-endian accesses of 1, 2, 4 and 8 bytes at
 * 64-bit addresses. Implementations decide the fault semantics (bounds, MMU, protection) by throwing
 * {@link dev.mimic.backend.exec.GuestFault}; narrow loads return zero-extended values.
 */
public abstract class GuestMemory {
    public abstract int load8(long address);

    public abstract int load16(long address);

    public abstract int load32(long address);

    public abstract long load64(long address);

    public abstract void store8(long address, int value);

    public abstract void store16(long address, int value);

    public abstract void store32(long address, int value);

    public abstract void store64(long address, long value);

    /** Number of addressable bytes. */
    public abstract long size();

    /**
     * Notes that [start, end) holds code that was decoded; a later write there must be reported to
     * the listener. Memories whose code cannot change (a separate code store) ignore this.
     */
    public void trackCode(long start, long end) {
    }

    /** Forgets every tracked code range (after all translations were dropped). */
    public void untrackAllCode() {
    }

    /** Who to tell when tracked code is written. */
    public void setCodeWriteListener(CodeWriteListener listener) {
    }

    /** Copies guest bytes out, for debuggers and snapshots; faults like loads do. */
    public void read(long address, byte[] into, int offset, int length) {
        for (int i = 0; i < length; i++) {
            into[offset + i] = (byte) load8(address + i);
        }
    }

    /** Copies bytes into guest memory, for loaders and debuggers; faults like stores do. */
    public void write(long address, byte[] from, int offset, int length) {
        for (int i = 0; i < length; i++) {
            store8(address + i, from[offset + i]);
        }
    }
}
