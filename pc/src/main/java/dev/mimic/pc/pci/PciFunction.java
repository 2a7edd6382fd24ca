package dev.mimic.pc.pci;

import dev.mimic.pc.snapshot.Snapshottable;
import dev.mimic.pc.snapshot.StateArrays;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * One PCI function's 256-byte configuration space with its access rules (PCI Local Bus
 * Specification 3.0, chapter 6): each byte has a mask of bits software may write, and status-style
 * bits that a 1 clears. Everything else is read-only and keeps the value the device was built
 * with. Subclasses fill in their registers and react to writes in {@link #configWritten}.
 */
public abstract class PciFunction implements Snapshottable {
    public static final int COMMAND = 0x04;
    public static final int STATUS = 0x06;
    public static final int HEADER_TYPE = 0x0E;
    public static final int INTERRUPT_LINE = 0x3C;
    public static final int SUBSYSTEM_VENDOR = 0x2C;
    public static final int SUBSYSTEM_ID = 0x2E;
    /**
     * The subsystem QEMU gives every function it emulates (Red Hat, QEMU). SeaBIOS looks for it on
     * the host bridge to know it runs on QEMU's hardware, and only then reads the boot order from
     * CMOS and the machine description from fw_cfg's richer items.
     */
    public static final int QEMU_SUBSYSTEM_VENDOR = 0x1AF4;
    public static final int QEMU_SUBSYSTEM = 0x1100;

    private final byte[] config = new byte[256];
    private final byte[] writeMask = new byte[256];
    private final byte[] clearMask = new byte[256];

    /**
     * @param classCode  base class, subclass and programming interface, as 0xBBSSPP
     * @param headerType 0x00, or 0x80 for the first function of a multi-function device
     */
    protected PciFunction(int vendor, int device, int revision, int classCode, int headerType) {
        initial(0x00, 2, vendor);
        initial(0x02, 2, device);
        initial(0x08, 1, revision);
        initial(0x09, 3, classCode);
        initial(HEADER_TYPE, 1, headerType);
        initial(SUBSYSTEM_VENDOR, 2, QEMU_SUBSYSTEM_VENDOR);
        initial(SUBSYSTEM_ID, 2, QEMU_SUBSYSTEM);
        writable(INTERRUPT_LINE, 1, 0xFF);
    }

    /** Reads {@code size} bytes little-endian at {@code offset}. */
    public final int read(int offset, int size) {
        int value = 0;
        for (int i = 0; i < size; i++) {
            value |= (config[offset + i] & 0xFF) << (8 * i);
        }
        return value;
    }

    /** A configuration write as the bus delivers it: masked, write-one-to-clear bits applied, then the hook. */
    public final void write(int offset, int size, int value) {
        for (int i = 0; i < size; i++) {
            int at = offset + i;
            int b = value >>> (8 * i) & 0xFF;
            int old = config[at] & 0xFF;
            int mask = writeMask[at] & 0xFF;
            int kept = old & ~mask & ~(b & clearMask[at]);
            config[at] = (byte) (kept | b & mask);
        }
        configWritten(offset, size);
    }

    /** Called after software wrote [offset, offset + size). */
    protected void configWritten(int offset, int size) {
    }

    /** Sets a register's value at reset, ignoring the write masks. */
    protected final void initial(int offset, int size, int value) {
        for (int i = 0; i < size; i++) {
            config[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    /** Lets software write the bits of {@code mask} in the {@code size}-byte register at {@code offset}. */
    protected final void writable(int offset, int size, int mask) {
        for (int i = 0; i < size; i++) {
            writeMask[offset + i] = (byte) (mask >>> (8 * i));
        }
    }

    /** Makes the bits of {@code mask} write-one-to-clear (status bits). */
    protected final void writeOneToClear(int offset, int size, int mask) {
        for (int i = 0; i < size; i++) {
            clearMask[offset + i] = (byte) (mask >>> (8 * i));
        }
    }

    /** Whether a write of [offset, offset + size) touched the register of {@code length} bytes at {@code register}. */
    protected static boolean touches(int offset, int size, int register, int length) {
        return offset < register + length && register < offset + size;
    }

    /**
     * The registers and which bits are writable, since a lock (SMRAM's D_LCK) can change that. A
     * restore ends as if software had written every register, so what depends on them (a BAR's
     * ports, the PAM map) follows.
     */
    @Override
    public final void saveState(DataOutputStream out) throws IOException {
        StateArrays.writeBytes(out, config);
        StateArrays.writeBytes(out, writeMask);
    }

    @Override
    public final void restoreState(DataInputStream in) throws IOException {
        StateArrays.readBytes(in, config);
        StateArrays.readBytes(in, writeMask);
        configWritten(0, config.length);
    }
}
