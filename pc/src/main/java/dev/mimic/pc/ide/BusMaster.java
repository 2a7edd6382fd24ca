package dev.mimic.pc.ide;

import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.pc.snapshot.Snapshottable;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * One channel's bus-master IDE registers (the SFF-8038i / PIIX "BMIDE" block, 8 of the 16 ports
 * behind the IDE function's BAR4): command (start bit 0, direction bit 3: 1 = into memory), status
 * (active bit 0, error bit 1, interrupt bit 2 which a 1 clears, and the BIOS's drive-DMA-capable
 * bits 5 and 6) and the physical address of the Physical Region Descriptor table. Each PRD is a
 * dword buffer address, a 16-bit byte count (0 means 64 KiB) and, in bit 31 of the second dword,
 * end of table.
 *
 * <p>The channel starts a DMA command and the transfer moves once the driver also sets the start
 * bit, in whichever order the two come; it runs to completion at once. The status bits then say
 * how it ended (SFF-8038i, "Bus Master IDE Status Register"): interrupt set and active clear when
 * the table and the transfer ended together, both set when the table was longer, and interrupt
 * clear with active clear when the table ran out first, which a driver treats as an error.
 */
public final class BusMaster implements Snapshottable {
    public static final int COMMAND = 0;
    public static final int STATUS = 2;
    public static final int TABLE = 4;
    private static final int START = 0x01;
    private static final int TO_MEMORY = 0x08;
    private static final int ACTIVE = 0x01;
    private static final int ERROR = 0x02;
    private static final int INTERRUPT = 0x04;
    private static final int DRIVES_CAPABLE = 0x60;
    private static final int END_OF_TABLE = 0x8000_0000;

    /** What moves the data when the engine runs: the channel, with its DMA command. */
    interface Transfer {
        void run(BusMaster engine);
    }

    private final GuestMemory memory;
    private Transfer channel = engine -> { };
    /** The channel has a DMA command waiting for the start bit. */
    private boolean requested;
    private int command;
    private int status;
    private int table;

    /** The PRD being worked through: its buffer address, bytes left in it and whether it is the last. */
    private int entry;
    private long regionAddress;
    private int regionLeft;
    private boolean lastRegion;

    public BusMaster(GuestMemory memory) {
        this.memory = memory;
    }

    /** Reads the register at {@code offset} (0-7) of this channel's block. */
    public int read(int offset, int size) {
        int value = switch (offset & ~3) {
            case COMMAND -> command | status << 16;
            default -> table;
        };
        return size == 4 ? value : value >>> (8 * (offset & 3)) & (size == 1 ? 0xFF : 0xFFFF);
    }

    /** Writes {@code size} bytes at {@code offset} (0-7); the status register's interrupt and error bits are cleared by ones. */
    public void write(int offset, int size, int value) {
        for (int i = 0; i < size; i++) {
            writeByte(offset + i, value >>> (8 * i) & 0xFF);
        }
    }

    private void writeByte(int offset, int value) {
        switch (offset) {
            case COMMAND -> writeCommand(value & (START | TO_MEMORY));
            case STATUS -> status = status & ~(value & (ERROR | INTERRUPT)) & ~DRIVES_CAPABLE | value & DRIVES_CAPABLE;
            case TABLE, TABLE + 1, TABLE + 2, TABLE + 3 -> {
                int shift = 8 * (offset - TABLE);
                int mask = shift == 0 ? 0xFC : 0xFF;
                table = table & ~(0xFF << shift) | (value & mask) << shift;
            }
            default -> { }
        }
    }

    /** Setting start begins at the top of the table; clearing it stops the engine, which also drops ACTIVE. */
    private void writeCommand(int value) {
        boolean starting = (value & START) != 0 && (command & START) == 0;
        command = value;
        if ((value & START) == 0) {
            status &= ~ACTIVE;
        } else if (starting) {
            status |= ACTIVE;
            entry = 0;
            regionLeft = 0;
            lastRegion = false;
            if (requested) {
                requested = false;
                channel.run(this);
            }
        }
    }

    /** Whether the driver set the direction bit: data from the drive into memory. */
    boolean toMemory() {
        return (command & TO_MEMORY) != 0;
    }

    void connect(Transfer transfer) {
        channel = transfer;
    }

    /** The channel has a DMA command ready: runs it now if the engine is started, or when it is. */
    void request() {
        if ((command & START) != 0 && (status & ACTIVE) != 0) {
            channel.run(this);
        } else {
            requested = true;
        }
    }

    /** The channel's command ended or the channel was reset: nothing is waiting for the engine any more. */
    void cancel() {
        requested = false;
    }

    /** The drive raised its interrupt line. */
    void deviceInterrupt() {
        status |= INTERRUPT;
    }

    /**
     * Copies {@code length} bytes from {@code data} into guest memory through the PRD table;
     * returns how many fitted before the table ended (then ACTIVE is cleared).
     */
    int toMemory(byte[] data, int offset, int length) {
        return move(data, offset, length, true);
    }

    /** Copies up to {@code length} bytes of guest memory, as the PRD table describes it, into {@code data}. */
    int fromMemory(byte[] data, int offset, int length) {
        return move(data, offset, length, false);
    }

    private int move(byte[] data, int offset, int length, boolean intoMemory) {
        int done = 0;
        while (done < length) {
            if (regionLeft == 0 && !nextRegion()) {
                break;
            }
            int n = Math.min(regionLeft, length - done);
            if (intoMemory) {
                memory.write(regionAddress, data, offset + done, n);
            } else {
                memory.read(regionAddress, data, offset + done, n);
            }
            regionAddress += n;
            regionLeft -= n;
            done += n;
        }
        return done;
    }

    /** Loads the next PRD; false, and the engine inactive, past the last one. */
    private boolean nextRegion() {
        if (lastRegion) {
            status &= ~ACTIVE;
            return false;
        }
        long at = Integer.toUnsignedLong(table) + 8L * entry++;
        regionAddress = Integer.toUnsignedLong(memory.load32(at)) & ~1L;
        int control = memory.load32(at + 4);
        regionLeft = (control & 0xFFFE) == 0 ? 0x1_0000 : control & 0xFFFE;
        lastRegion = (control & END_OF_TABLE) != 0;
        return true;
    }

    /** The transfer is over: the engine stops if the table ended with it (ACTIVE stays set when the table was longer). */
    void finished() {
        if (lastRegion && regionLeft == 0) {
            status &= ~ACTIVE;
        }
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        for (int v : new int[] {command, status, table, entry, regionLeft}) {
            out.writeInt(v);
        }
        out.writeLong(regionAddress);
        out.writeBoolean(lastRegion);
        out.writeBoolean(requested);
    }

    /** A transfer is never half-done between instructions: the registers, the PRD position and a waiting request are all there is. */
    @Override
    public void restoreState(DataInputStream in) throws IOException {
        command = in.readInt();
        status = in.readInt();
        table = in.readInt();
        entry = in.readInt();
        regionLeft = in.readInt();
        regionAddress = in.readLong();
        lastRegion = in.readBoolean();
        requested = in.readBoolean();
    }
}
