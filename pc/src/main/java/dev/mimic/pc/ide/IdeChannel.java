package dev.mimic.pc.ide;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.bus.IrqLine;
import dev.mimic.pc.bus.PortDevice;
import dev.mimic.pc.snapshot.Snapshottable;
import dev.mimic.pc.snapshot.StateArrays;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * One IDE channel with a master and an optional slave drive, an ATA disk or an ATAPI CD-ROM,
 * programmed through the task file (ATA/ATAPI-6, chapter 7): eight command block registers at
 * {@code 0x1F0}/{@code 0x170}, the alternate status and device control register at
 * {@code 0x3F6}/{@code 0x376}, and PIO data transfer through the 16-bit (or 32-bit) data
 * register. Commands complete at once; reading the status register acknowledges the interrupt.
 * The LBA and count registers are two deep for LBA48 commands, the older value read back with
 * device control's HOB bit. For a CD-ROM the PACKET command takes a 12-byte SCSI command through
 * the data register and returns the answer in pieces the host's byte count limit allows
 * (ATA-6 9.10, "PACKET protocol"). With a {@link BusMaster} connected, READ and WRITE DMA (and
 * their EXT forms) and packets with the DMA feature bit move their data through it instead of the
 * data register (ATA-6 9.7, "DMA data transfer commands").
 */
public final class IdeChannel implements PortDevice, Snapshottable {
    public static final int PRIMARY_BASE = 0x1F0;
    public static final int PRIMARY_CONTROL = 0x3F6;
    public static final int PRIMARY_IRQ = 14;
    public static final int SECONDARY_BASE = 0x170;
    public static final int SECONDARY_CONTROL = 0x376;
    public static final int SECONDARY_IRQ = 15;

    private static final int BSY = 0x80;
    private static final int DRDY = 0x40;
    private static final int DSC = 0x10;
    private static final int DRQ = 0x08;
    private static final int ERR = 0x01;
    private static final int ABRT = 0x04;
    private static final int IDNF = 0x10;
    private static final int UNC = 0x40;
    /** ATAPI interrupt reason, in the sector count register: CoD (a command is wanted) and IO (data to the host). */
    private static final int REASON_COMMAND = 0x01;
    private static final int REASON_TO_HOST = 0x02;
    private static final int PACKET_BYTES = 12;
    private static final int CONTROL_NIEN = 0x02;
    private static final int CONTROL_SRST = 0x04;
    private static final int CONTROL_HOB = 0x80;
    private static final int DEVICE_LBA = 0x40;
    private static final int DEVICE_SLAVE = 0x10;

    private final IrqLine irq;
    private final IdeDrive[] drives;
    /** The bus-master engine for DMA commands, or null: then they are aborted. */
    private BusMaster busMaster;
    /** Each drive's transfer mode from SET FEATURES 0x03, as its sector count gave it. */
    private final int[] transferModes = new int[2];
    /** A DMA command is waiting for (or in) the bus-master engine. */
    private boolean dmaCommand;
    private int base;
    private int controlPort;

    private int features;
    private int error;
    /** Count, LBA low, mid and high: current value in bits 7-0, the previous (HOB) one in bits 15-8. */
    private int count;
    private int lbaLow;
    private int lbaMid;
    private int lbaHigh;
    private int device;
    private int status = DRDY | DSC;
    private int control;
    private boolean irqPending;
    private int multipleCount;

    private final byte[] buffer = new byte[AtaDisk.MAX_MULTIPLE * DiskImage.SECTOR];
    private int bufferPosition;
    private int bufferEnd;
    private boolean writing;
    private long transferLba;
    private long sectorsLeft;
    private int sectorsPerBlock;

    private final byte[] packet = new byte[PACKET_BYTES];
    private boolean receivingPacket;
    /** The packet being received asked for its data by DMA (feature bit 0 of PACKET). */
    private boolean packetByDma;
    private int packetPosition;
    /** The answer of the packet being transferred to the host, or null. */
    private byte[] packetData;
    private int packetDataPosition;
    private int chunkEnd;

    /** @param slave the second disk, or null */
    public IdeChannel(IrqLine irq, IdeDrive master, IdeDrive slave) {
        this.irq = irq;
        this.drives = new IdeDrive[] {master, slave};
        resetRegisters();
    }

    public void attach(IoBus bus, int commandBase, int control) {
        this.base = commandBase;
        this.controlPort = control;
        bus.map(commandBase, 8, this);
        bus.map(control, 1, this);
    }

    /** Lets DMA commands move their data through {@code engine}, the channel's half of the bus-master block. */
    public void connect(BusMaster engine) {
        busMaster = engine;
        engine.connect(this::runDma);
    }

    private int driveIndex() {
        return (device & DEVICE_SLAVE) != 0 ? 1 : 0;
    }

    private IdeDrive selected() {
        return drives[driveIndex()];
    }

    /** The selected drive for a command only hard disks get. */
    private AtaDisk disk() {
        return (AtaDisk) selected();
    }

    @Override
    public boolean accepts(int port, int size) {
        return port == base || size == 1;
    }

    @Override
    public int read(int port, int size) {
        if (port == controlPort) {
            return selected() == null ? 0 : status;
        }
        if (selected() == null) {
            return 0;
        }
        boolean hob = (control & CONTROL_HOB) != 0;
        return switch (port - base) {
            case 0 -> readData(size);
            case 1 -> error;
            case 2 -> hob ? count >>> 8 : count & 0xFF;
            case 3 -> hob ? lbaLow >>> 8 : lbaLow & 0xFF;
            case 4 -> hob ? lbaMid >>> 8 : lbaMid & 0xFF;
            case 5 -> hob ? lbaHigh >>> 8 : lbaHigh & 0xFF;
            case 6 -> device;
            default -> {
                irqPending = false;
                updateIrq();
                yield status;
            }
        };
    }

    @Override
    public void write(int port, int size, int value) {
        if (port == controlPort) {
            writeControl(value);
            return;
        }
        control &= ~CONTROL_HOB;
        switch (port - base) {
            case 0 -> writeData(size, value);
            case 1 -> features = value;
            case 2 -> count = push(count, value);
            case 3 -> lbaLow = push(lbaLow, value);
            case 4 -> lbaMid = push(lbaMid, value);
            case 5 -> lbaHigh = push(lbaHigh, value);
            case 6 -> device = value | 0xA0;
            default -> {
                if (selected() != null) {
                    command(value);
                }
            }
        }
    }

    private static int push(int register, int value) {
        return (register << 8 | value & 0xFF) & 0xFFFF;
    }

    /** SRST held then released resets both drives (ATA-6 9.2, software reset). */
    private void writeControl(int value) {
        boolean releasingReset = (control & CONTROL_SRST) != 0 && (value & CONTROL_SRST) == 0;
        control = value;
        if ((value & CONTROL_SRST) != 0) {
            status = BSY;
        } else if (releasingReset) {
            resetRegisters();
        }
        updateIrq();
    }

    /** The state after reset or diagnostics: device 0's signature and diagnostic code 1. */
    private void resetRegisters() {
        device = 0xA0;
        signature(drives[0]);
        error = 0x01;
        status = DRDY | DSC;
        bufferPosition = bufferEnd = 0;
        sectorsLeft = 0;
        receivingPacket = false;
        packetData = null;
        dmaCommand = false;
        if (busMaster != null) {
            busMaster.cancel();
        }
    }

    private void command(int command) {
        error = 0;
        if (selected() instanceof AtapiCdrom cdrom) {
            packetDeviceCommand(cdrom, command);
            return;
        }
        switch (command) {
            case 0xEC -> {
                System.arraycopy(disk().identify(multipleCount, transferModes[driveIndex()]), 0, buffer, 0, DiskImage.SECTOR);
                startPioIn(0, 0, 1);
                bufferEnd = DiskImage.SECTOR;
            }
            case 0x20, 0x21 -> startTransfer(false, false, 1);
            case 0x24 -> startTransfer(false, true, 1);
            case 0xC4, 0x29 -> startMultiple(false, command == 0x29);
            case 0x30, 0x31 -> startTransfer(true, false, 1);
            case 0x34 -> startTransfer(true, true, 1);
            case 0xC5, 0x39 -> startMultiple(true, command == 0x39);
            case 0xC8, 0xC9 -> startDma(false, false);
            case 0x25 -> startDma(false, true);
            case 0xCA, 0xCB -> startDma(true, false);
            case 0x35 -> startDma(true, true);
            case 0xEF -> setFeatures();
            case 0xC6 -> {
                int n = count & 0xFF;
                if (n > AtaDisk.MAX_MULTIPLE || Integer.bitCount(n) > 1) {
                    abort();
                } else {
                    multipleCount = n;
                    complete();
                }
            }
            case 0x40, 0x41, 0x42 -> verify(command == 0x42);
            case 0xF8, 0x27 -> readNativeMax(command == 0x27);
            case 0x90 -> {
                resetRegisters();
                complete();
            }
            case 0xE5 -> {
                count = 0xFF;
                complete();
            }
            case 0xE7, 0xEA -> flush();
            case 0x91, 0xE0, 0xE1, 0xE2, 0xE3, 0xE6, 0x70 -> complete();
            default -> {
                if ((command & 0xF0) == 0x10) {
                    complete();
                } else {
                    abort();
                }
            }
        }
    }

    /** SET FEATURES: subcommand 0x03 selects the transfer mode IDENTIFY then reports; the others only succeed. */
    private void setFeatures() {
        if ((features & 0xFF) == 0x03) {
            transferModes[driveIndex()] = count & 0xFF;
        }
        complete();
    }

    /** FLUSH CACHE (EXT): the image's writes go to the host's storage; a host error fails the command like a medium error. */
    private void flush() {
        try {
            disk().image().flush();
            complete();
        } catch (IOException e) {
            mediumError();
        }
    }

    /** What a failing drive reports for a host I/O error: ERR with UNC (uncorrectable data). */
    private void mediumError() {
        error = UNC;
        status = DRDY | DSC | ERR;
        raiseIrq();
    }

    private void complete() {
        status = DRDY | DSC;
        raiseIrq();
    }

    private void abort() {
        error = ABRT;
        status = DRDY | DSC | ERR;
        raiseIrq();
    }

    private void raiseIrq() {
        irqPending = true;
        if (busMaster != null) {
            busMaster.deviceInterrupt();
        }
        updateIrq();
    }

    private void updateIrq() {
        irq.set(irqPending && (control & CONTROL_NIEN) == 0);
    }

    /** The starting sector of the command, from LBA28, LBA48 or CHS registers. */
    private long address(boolean lba48) {
        if (lba48) {
            return (long) (lbaHigh >>> 8) << 40 | (long) (lbaMid >>> 8) << 32 | (long) (lbaLow >>> 8) << 24
                    | (lbaHigh & 0xFF) << 16 | (lbaMid & 0xFF) << 8 | lbaLow & 0xFF;
        }
        if ((device & DEVICE_LBA) != 0) {
            return (long) (device & 0x0F) << 24 | (lbaHigh & 0xFF) << 16 | (lbaMid & 0xFF) << 8 | lbaLow & 0xFF;
        }
        int cylinder = (lbaHigh & 0xFF) << 8 | lbaMid & 0xFF;
        int sector = lbaLow & 0xFF;
        return ((long) cylinder * AtaDisk.HEADS + (device & 0x0F)) * AtaDisk.SECTORS_PER_TRACK + sector - 1;
    }

    /** Sectors the command covers: a count of 0 means 256, or 65,536 for LBA48 commands. */
    private long sectorCount(boolean lba48) {
        int n = lba48 ? count : count & 0xFF;
        return n == 0 ? (lba48 ? 65_536 : 256) : n;
    }

    private boolean inRange(long lba, long sectors) {
        if (lba >= 0 && lba + sectors <= disk().sectors()) {
            return true;
        }
        error = IDNF;
        status = DRDY | DSC | ERR;
        raiseIrq();
        return false;
    }

    private void startMultiple(boolean write, boolean lba48) {
        if (multipleCount == 0) {
            abort();
        } else {
            startTransfer(write, lba48, multipleCount);
        }
    }

    private void startTransfer(boolean write, boolean lba48, int blockSectors) {
        long lba = address(lba48);
        long sectors = sectorCount(lba48);
        if (!inRange(lba, sectors)) {
            return;
        }
        writing = write;
        if (write) {
            transferLba = lba;
            sectorsLeft = sectors;
            sectorsPerBlock = blockSectors;
            bufferPosition = 0;
            bufferEnd = (int) Math.min(blockSectors, sectors) * DiskImage.SECTOR;
            status = DRDY | DSC | DRQ;
        } else {
            startPioIn(lba, sectors, blockSectors);
            loadBlock();
        }
    }

    /** READ or WRITE DMA: the drive asks for DMA (DRQ) and the bus-master engine moves the sectors once it runs. */
    private void startDma(boolean write, boolean lba48) {
        if (busMaster == null) {
            abort();
            return;
        }
        long lba = address(lba48);
        long sectors = sectorCount(lba48);
        if (!inRange(lba, sectors)) {
            return;
        }
        writing = write;
        transferLba = lba;
        sectorsLeft = sectors;
        awaitDma();
    }

    private void awaitDma() {
        dmaCommand = true;
        status = DRDY | DSC | DRQ;
        busMaster.request();
    }

    /**
     * The engine runs: sectors go a buffer at a time between the image and the PRD table's regions,
     * or a packet's answer into them. A table too short for the data leaves the command hanging
     * with DRQ set and no interrupt, as a drive waiting for more DMA does.
     */
    private void runDma(BusMaster engine) {
        if (!dmaCommand) {
            return;
        }
        if (packetData != null) {
            if (engine.toMemory(packetData, 0, packetData.length) < packetData.length) {
                return;
            }
            packetData = null;
            dmaCommand = false;
            engine.finished();
            finishPacket();
            return;
        }
        while (sectorsLeft > 0) {
            int n = (int) Math.min(AtaDisk.MAX_MULTIPLE, sectorsLeft);
            int bytes = n * DiskImage.SECTOR;
            if (writing) {
                if (engine.fromMemory(buffer, 0, bytes) < bytes || !transfer(true, n)) {
                    return;
                }
            } else if (!transfer(false, n) || engine.toMemory(buffer, 0, bytes) < bytes) {
                return;
            }
        }
        dmaCommand = false;
        engine.finished();
        complete();
    }

    private void startPioIn(long lba, long sectors, int blockSectors) {
        writing = false;
        transferLba = lba;
        sectorsLeft = sectors;
        sectorsPerBlock = blockSectors;
        bufferPosition = 0;
        status = DRDY | DSC | DRQ;
        raiseIrq();
    }

    /** Reads the next block of a PIO-in command into the buffer; false (and the command failed) on a host I/O error. */
    private boolean loadBlock() {
        int n = (int) Math.min(sectorsPerBlock, sectorsLeft);
        if (!transfer(false, n)) {
            return false;
        }
        bufferPosition = 0;
        bufferEnd = n * DiskImage.SECTOR;
        return true;
    }

    /**
     * Moves {@code n} sectors between the buffer and the image at the transfer address and advances
     * it; a host I/O error fails the command as a {@linkplain #mediumError medium error}.
     */
    private boolean transfer(boolean write, int n) {
        try {
            if (write) {
                disk().image().write(transferLba, n, buffer, 0);
            } else {
                disk().image().read(transferLba, n, buffer, 0);
            }
        } catch (IOException e) {
            sectorsLeft = 0;
            mediumError();
            return false;
        }
        transferLba += n;
        sectorsLeft -= n;
        return true;
    }

    private int readData(int size) {
        if (packetData != null && !dmaCommand) {
            return readPacketData(size);
        }
        if ((status & DRQ) == 0 || writing || dmaCommand) {
            return 0;
        }
        int value = 0;
        for (int i = 0; i < size && bufferPosition < bufferEnd; i++) {
            value |= (buffer[bufferPosition++] & 0xFF) << (8 * i);
        }
        if (bufferPosition == bufferEnd) {
            if (sectorsLeft > 0) {
                if (loadBlock()) {
                    raiseIrq();
                }
            } else {
                status = DRDY | DSC;
            }
        }
        return value;
    }

    private void writeData(int size, int value) {
        if (receivingPacket) {
            writePacket(size, value);
            return;
        }
        if ((status & DRQ) == 0 || !writing || dmaCommand) {
            return;
        }
        for (int i = 0; i < size && bufferPosition < bufferEnd; i++) {
            buffer[bufferPosition++] = (byte) (value >>> (8 * i));
        }
        if (bufferPosition < bufferEnd) {
            return;
        }
        if (!transfer(true, bufferEnd / DiskImage.SECTOR)) {
            return;
        }
        bufferPosition = 0;
        bufferEnd = (int) Math.min(sectorsPerBlock, sectorsLeft) * DiskImage.SECTOR;
        status = sectorsLeft > 0 ? DRDY | DSC | DRQ : DRDY | DSC;
        raiseIrq();
    }

    private void verify(boolean lba48) {
        if (inRange(address(lba48), sectorCount(lba48))) {
            complete();
        }
    }

    /** READ NATIVE MAX ADDRESS: the last sector's address, in the LBA registers. */
    private void readNativeMax(boolean lba48) {
        long max = disk().sectors() - 1;
        if (!lba48) {
            max = Math.min(max, 0x0FFF_FFFF);
            device = device & 0xF0 | (int) (max >>> 24 & 0x0F);
        }
        lbaLow = (int) ((max >>> 24 & 0xFF) << 8 | max & 0xFF);
        lbaMid = (int) ((max >>> 32 & 0xFF) << 8 | max >>> 8 & 0xFF);
        lbaHigh = (int) ((max >>> 40 & 0xFF) << 8 | max >>> 16 & 0xFF);
        complete();
    }

    /** The signature a drive leaves in the task file after reset: LBA mid/high 0x14/0xEB mark a packet device. */
    private void signature(IdeDrive drive) {
        boolean packetDevice = drive instanceof AtapiCdrom;
        count = 1;
        lbaLow = 1;
        lbaMid = packetDevice ? 0x14 : 0;
        lbaHigh = packetDevice ? 0xEB : 0;
    }

    /**
     * Commands to a packet device: PACKET, IDENTIFY PACKET DEVICE, DEVICE RESET and the power and
     * feature commands (ATA-6 6.1); anything else, IDENTIFY DEVICE included, is aborted with the
     * packet signature in the task file, which is how drivers tell a CD-ROM from a disk.
     */
    private void packetDeviceCommand(AtapiCdrom cdrom, int command) {
        switch (command) {
            case 0xA0 -> {
                if ((features & 1) != 0 && busMaster == null) {
                    abort();
                    return;
                }
                packetByDma = (features & 1) != 0;
                receivingPacket = true;
                packetPosition = 0;
                count = REASON_COMMAND;
                status = DRDY | DSC | DRQ;
            }
            case 0xA1 -> {
                System.arraycopy(cdrom.identify(transferModes[driveIndex()]), 0, buffer, 0, DiskImage.SECTOR);
                startPioIn(0, 0, 1);
                bufferEnd = DiskImage.SECTOR;
            }
            case 0x08 -> {
                signature(cdrom);
                error = 0x01;
                status = DRDY | DSC;
            }
            case 0xEF -> setFeatures();
            case 0xE0, 0xE1, 0xE3, 0xE5, 0xE7 -> complete();
            default -> {
                signature(cdrom);
                abort();
            }
        }
    }

    private void writePacket(int size, int value) {
        for (int i = 0; i < size && packetPosition < PACKET_BYTES; i++) {
            packet[packetPosition++] = (byte) (value >>> (8 * i));
        }
        if (packetPosition < PACKET_BYTES) {
            return;
        }
        receivingPacket = false;
        AtapiCdrom.Result result = ((AtapiCdrom) selected()).execute(packet);
        if (result.failed()) {
            error = result.senseKey() << 4 | ABRT;
            status = DRDY | DSC | ERR;
            count = REASON_TO_HOST | REASON_COMMAND;
            raiseIrq();
        } else if (result.data().length == 0) {
            finishPacket();
        } else {
            packetData = result.data();
            packetDataPosition = 0;
            if (packetByDma) {
                count = REASON_TO_HOST;
                awaitDma();
            } else {
                nextChunk();
            }
        }
    }

    /**
     * Offers the next piece of the answer: at most the byte count limit the host put in LBA mid and
     * high (even; 0 and 0xFFFF mean 0xFFFE), which the drive replaces with the piece's length.
     */
    private void nextChunk() {
        int limit = (lbaHigh & 0xFF) << 8 | lbaMid & 0xFF;
        if (limit == 0 || limit == 0xFFFF) {
            limit = 0xFFFE;
        }
        int chunk = Math.min(packetData.length - packetDataPosition, Math.max(limit & ~1, 2));
        chunkEnd = packetDataPosition + chunk;
        lbaMid = chunk & 0xFF;
        lbaHigh = chunk >>> 8 & 0xFF;
        count = REASON_TO_HOST;
        status = DRDY | DSC | DRQ;
        raiseIrq();
    }

    private int readPacketData(int size) {
        int value = 0;
        for (int i = 0; i < size && packetDataPosition < chunkEnd; i++) {
            value |= (packetData[packetDataPosition++] & 0xFF) << (8 * i);
        }
        if (packetDataPosition == chunkEnd) {
            if (packetDataPosition < packetData.length) {
                nextChunk();
            } else {
                packetData = null;
                finishPacket();
            }
        }
        return value;
    }

    /** The status phase: IO and CoD set, DRQ clear, and an interrupt. */
    private void finishPacket() {
        count = REASON_TO_HOST | REASON_COMMAND;
        status = DRDY | DSC;
        raiseIrq();
    }

    /** The task file, the interrupt, and any transfer in progress with its buffer. */
    @Override
    public void saveState(DataOutputStream out) throws IOException {
        for (int v : new int[] {features, error, count, lbaLow, lbaMid, lbaHigh, device, status, control, multipleCount,
            bufferPosition, bufferEnd, sectorsPerBlock, packetPosition, packetDataPosition, chunkEnd}) {
            out.writeInt(v);
        }
        out.writeBoolean(irqPending);
        out.writeBoolean(writing);
        out.writeBoolean(receivingPacket);
        out.writeBoolean(packetByDma);
        out.writeBoolean(dmaCommand);
        out.writeInt(transferModes[0]);
        out.writeInt(transferModes[1]);
        out.writeLong(transferLba);
        out.writeLong(sectorsLeft);
        StateArrays.writeBytes(out, buffer);
        StateArrays.writeBytes(out, packet);
        StateArrays.writeOptionalBytes(out, packetData);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        features = in.readInt();
        error = in.readInt();
        count = in.readInt();
        lbaLow = in.readInt();
        lbaMid = in.readInt();
        lbaHigh = in.readInt();
        device = in.readInt();
        status = in.readInt();
        control = in.readInt();
        multipleCount = in.readInt();
        bufferPosition = in.readInt();
        bufferEnd = in.readInt();
        sectorsPerBlock = in.readInt();
        packetPosition = in.readInt();
        packetDataPosition = in.readInt();
        chunkEnd = in.readInt();
        irqPending = in.readBoolean();
        writing = in.readBoolean();
        receivingPacket = in.readBoolean();
        packetByDma = in.readBoolean();
        dmaCommand = in.readBoolean();
        transferModes[0] = in.readInt();
        transferModes[1] = in.readInt();
        transferLba = in.readLong();
        sectorsLeft = in.readLong();
        StateArrays.readBytes(in, buffer);
        StateArrays.readBytes(in, packet);
        packetData = StateArrays.readOptionalBytes(in);
    }
}
