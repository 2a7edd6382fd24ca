package dev.mimic.x86.user;

import dev.mimic.backend.exec.GuestFault;
import dev.mimic.x86.memory.PagedMemory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes the structures system calls exchange with the guest. A bad pointer is a
 * {@link BadAddress}, which the system call turns into EFAULT as the kernel does.
 */
final class GuestMemoryAccess {
    /** A system call argument pointed at memory the process cannot access. */
    static final class BadAddress extends Exception {
        BadAddress(long address) {
            super("bad address 0x" + Long.toHexString(address), null, false, false);
        }
    }

    private final PagedMemory memory;

    GuestMemoryAccess(PagedMemory memory) {
        this.memory = memory;
    }

    String string(long address) throws BadAddress {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (long a = address; ; a++) {
                int b = memory.load8(a & 0xFFFF_FFFFL);
                if (b == 0) {
                    return out.toString(StandardCharsets.UTF_8);
                }
                out.write(b);
            }
        } catch (GuestFault f) {
            throw new BadAddress(address);
        }
    }

    byte[] bytes(long address, int length) throws BadAddress {
        byte[] b = new byte[length];
        try {
            memory.read(address, b, 0, length);
        } catch (GuestFault f) {
            throw new BadAddress(address);
        }
        return b;
    }

    void put(long address, byte[] bytes, int length) throws BadAddress {
        try {
            memory.write(address, bytes, 0, length);
        } catch (GuestFault f) {
            throw new BadAddress(address);
        }
    }

    int u32(long address) throws BadAddress {
        try {
            return memory.load32(address);
        } catch (GuestFault f) {
            throw new BadAddress(address);
        }
    }

    long u64(long address) throws BadAddress {
        try {
            return memory.load64(address);
        } catch (GuestFault f) {
            throw new BadAddress(address);
        }
    }

    void put32(long address, int value) throws BadAddress {
        try {
            memory.store32(address, value);
        } catch (GuestFault f) {
            throw new BadAddress(address);
        }
    }

    void put64(long address, long value) throws BadAddress {
        try {
            memory.store64(address, value);
        } catch (GuestFault f) {
            throw new BadAddress(address);
        }
    }
}
