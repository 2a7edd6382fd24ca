package dev.mimic.pc.ide;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An ATAPI CD-ROM drive with a data disc (an ISO image, 2,048-byte blocks): it answers the
 * 12-byte SCSI packets a BIOS and Linux's sr driver send (SPC-3 and MMC-3: TEST UNIT READY,
 * REQUEST SENSE, INQUIRY, READ CAPACITY, READ(10)/(12), READ TOC, MODE SENSE(10), GET
 * CONFIGURATION, GET EVENT STATUS NOTIFICATION, and the no-data commands that only ask for
 * a motion). A failing command leaves sense data for REQUEST SENSE. The IDE side of the packet
 * protocol is the {@link IdeChannel}'s.
 */
public final class AtapiCdrom implements IdeDrive {
    static final int BLOCK = 2048;
    /** SPC-3 sense keys and additional sense codes. */
    static final int ILLEGAL_REQUEST = 0x05;
    static final int MEDIUM_ERROR = 0x03;
    private static final int INVALID_COMMAND = 0x20;
    private static final int LBA_OUT_OF_RANGE = 0x21;
    private static final int INVALID_FIELD = 0x24;
    private static final int UNRECOVERED_READ = 0x11;
    private static final int CD_CAPABILITIES_PAGE = 0x2A;
    private static final int ALL_PAGES = 0x3F;
    private static final int PROFILE_CD_ROM = 0x0008;

    /** The result of a packet: data for the host (possibly empty), or a sense key with its code. */
    record Result(byte[] data, int senseKey, int asc) {
        static Result ok(byte[] data) {
            return new Result(data, 0, 0);
        }

        static Result fail(int senseKey, int asc) {
            return new Result(new byte[0], senseKey, asc);
        }

        boolean failed() {
            return senseKey != 0;
        }
    }

    private final DiskImage image;
    private int senseKey;
    private int asc;

    public AtapiCdrom(DiskImage image) {
        this.image = image;
    }

    /** Blocks on the disc. */
    long blocks() {
        return image.sectors() * DiskImage.SECTOR / BLOCK;
    }

    /** IDENTIFY PACKET DEVICE: a removable CD-ROM (type 5) taking 12-byte packets, by PIO or DMA; {@code dmaMode} as for a disk. */
    byte[] identify(int dmaMode) {
        return new IdentifyBlock()
                .set(0, 0x85C0)
                .names("Mimic ATAPI CD-ROM")
                .set(49, 0x0200)
                .set(53, 0x0003)
                .set(64, 0x0003)
                .set(65, 120).set(66, 120).set(67, 120).set(68, 120)
                .set(80, 0x001E)
                .dma(dmaMode)
                .bytes();
    }

    /** Runs one packet; the data are already cut to the allocation length the packet gave. */
    Result execute(byte[] packet) {
        ByteBuffer cdb = ByteBuffer.wrap(packet);
        Result result = switch (packet[0] & 0xFF) {
            case 0x00, 0x1B, 0x1E, 0x2B, 0xBB -> Result.ok(new byte[0]);
            case 0x03 -> requestSense(packet[4] & 0xFF);
            case 0x12 -> Result.ok(cut(inquiry(), packet[4] & 0xFF));
            case 0x25 -> Result.ok(ByteBuffer.allocate(8).putInt((int) (blocks() - 1)).putInt(BLOCK).array());
            case 0x28 -> read(cdb.getInt(2) & 0xFFFF_FFFFL, cdb.getShort(7) & 0xFFFF);
            case 0xA8 -> read(cdb.getInt(2) & 0xFFFF_FFFFL, cdb.getInt(6) & 0xFFFF_FFFFL);
            case 0x43 -> readToc(packet);
            case 0x5A -> modeSense(packet[2] & 0x3F, cdb.getShort(7) & 0xFFFF);
            case 0x46 -> Result.ok(cut(ByteBuffer.allocate(8).putInt(4).putShort(6, (short) PROFILE_CD_ROM).array(), cdb.getShort(7) & 0xFFFF));
            case 0x4A -> (packet[1] & 1) == 0
                    ? Result.fail(ILLEGAL_REQUEST, INVALID_FIELD)
                    : Result.ok(cut(new byte[] {0, 2, (byte) 0x80, 0x10}, cdb.getShort(7) & 0xFFFF));
            default -> Result.fail(ILLEGAL_REQUEST, INVALID_COMMAND);
        };
        if (result.failed()) {
            senseKey = result.senseKey();
            asc = result.asc();
        } else if ((packet[0] & 0xFF) != 0x03) {
            senseKey = 0;
            asc = 0;
        }
        return result;
    }

    /** Fixed-format sense data (SPC-3 4.5.3); reading it clears the condition. */
    private Result requestSense(int allocation) {
        byte[] sense = new byte[18];
        sense[0] = 0x70;
        sense[2] = (byte) senseKey;
        sense[7] = 10;
        sense[12] = (byte) asc;
        senseKey = 0;
        asc = 0;
        return Result.ok(cut(sense, allocation));
    }

    private static byte[] inquiry() {
        byte[] data = new byte[36];
        data[0] = 0x05;
        data[1] = (byte) 0x80;
        data[3] = 0x21;
        data[4] = 31;
        byte[] ids = "MIMIC   Mimic CD-ROM    1.0 ".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ids, 0, data, 8, ids.length);
        return data;
    }

    private Result read(long lba, long count) {
        if (count > 0xFFFF) {
            return Result.fail(ILLEGAL_REQUEST, INVALID_FIELD);
        }
        if (lba + count > blocks()) {
            return Result.fail(ILLEGAL_REQUEST, LBA_OUT_OF_RANGE);
        }
        byte[] data = new byte[(int) count * BLOCK];
        int perBlock = BLOCK / DiskImage.SECTOR;
        try {
            image.read(lba * perBlock, (int) count * perBlock, data, 0);
        } catch (IOException e) {
            return Result.fail(MEDIUM_ERROR, UNRECOVERED_READ);
        }
        return Result.ok(data);
    }

    /** READ TOC/PMA/ATIP formats 0 (the TOC: track 1 and the lead-out) and 1 (the last session), LBA or MSF. */
    private Result readToc(byte[] packet) {
        boolean msf = (packet[1] & 0x02) != 0;
        int format = packet[2] & 0x0F;
        int allocation = (packet[7] & 0xFF) << 8 | packet[8] & 0xFF;
        ByteBuffer toc;
        if (format == 0) {
            toc = ByteBuffer.allocate(4 + 2 * 8).putShort((short) 18).put((byte) 1).put((byte) 1);
            trackDescriptor(toc, 1, 0, msf);
            trackDescriptor(toc, 0xAA, blocks(), msf);
        } else if (format == 1) {
            toc = ByteBuffer.allocate(4 + 8).putShort((short) 10).put((byte) 1).put((byte) 1);
            trackDescriptor(toc, 1, 0, msf);
        } else {
            return Result.fail(ILLEGAL_REQUEST, INVALID_FIELD);
        }
        return Result.ok(cut(toc.array(), allocation));
    }

    /** A TOC track descriptor: ADR 1 with a data track's control bits (0x14), track number, start address. */
    private static void trackDescriptor(ByteBuffer toc, int track, long lba, boolean msf) {
        toc.put((byte) 0).put((byte) 0x14).put((byte) track).put((byte) 0);
        if (msf) {
            long frames = lba + 150;
            toc.put((byte) 0).put((byte) (frames / 4500)).put((byte) (frames / 75 % 60)).put((byte) (frames % 75));
        } else {
            toc.putInt((int) lba);
        }
    }

    /** MODE SENSE(10) with the mode parameter header and the CD capabilities page (MMC-3 6.3.11). */
    private Result modeSense(int page, int allocation) {
        if (page != CD_CAPABILITIES_PAGE && page != ALL_PAGES) {
            return Result.fail(ILLEGAL_REQUEST, INVALID_FIELD);
        }
        ByteBuffer data = ByteBuffer.allocate(8 + 20);
        data.putShort((short) (data.capacity() - 2)).put((byte) 0x01);
        data.position(8);
        // Page 0x2A: reads CD-ROM media, caddy/tray ejectable (bit 3) with a lock (bit 0) in byte 6.
        data.put((byte) CD_CAPABILITIES_PAGE).put((byte) 18).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0x29);
        return Result.ok(cut(data.array(), allocation));
    }

    private static byte[] cut(byte[] data, int allocation) {
        return data.length <= allocation ? data : Arrays.copyOf(data, allocation);
    }
}
