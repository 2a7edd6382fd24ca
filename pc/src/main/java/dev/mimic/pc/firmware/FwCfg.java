package dev.mimic.pc.firmware;

import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.bus.PortDevice;
import dev.mimic.pc.snapshot.Snapshottable;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * QEMU's firmware configuration device as the x86 PC exposes it (QEMU docs/specs/fw_cfg): a
 * 16-bit selector at 0x510 picks an item, the data port 0x511 streams its bytes (zeros past the
 * end), and the DMA register at 0x514-0x51B takes the big-endian guest address of a
 * {@code {be32 control, be32 length, be64 address}} request and performs it on guest memory.
 * Items are numbered blobs; named ones ("files") get keys from 0x20 and are listed in the file
 * directory, item 0x19. Reads of the DMA register give the signature "QEMU CFG".
 */
public final class FwCfg implements PortDevice, Snapshottable {
    public static final int SELECTOR_PORT = 0x510;
    public static final int DATA_PORT = 0x511;
    public static final int DMA_PORT = 0x514;

    public static final int SIGNATURE = 0x00;
    public static final int ID = 0x01;
    public static final int FILE_DIR = 0x19;
    private static final int FILE_FIRST = 0x20;
    private static final int FILE_NAME_BYTES = 56;
    /** ID bits: the traditional interface, and the DMA interface. */
    private static final int ID_TRADITIONAL = 0x01;
    private static final int ID_DMA = 0x02;

    private static final int DMA_ERROR = 0x01;
    private static final int DMA_READ = 0x02;
    private static final int DMA_SKIP = 0x04;
    private static final int DMA_SELECT = 0x08;
    private static final int DMA_WRITE = 0x10;
    private static final byte[] DMA_SIGNATURE = "QEMU CFG".getBytes(StandardCharsets.US_ASCII);

    private final GuestMemory memory;
    private final Map<Integer, byte[]> items = new HashMap<>();
    private final List<String> fileNames = new ArrayList<>();
    private int selectedKey;
    private byte[] selected = new byte[0];
    private int offset;
    private int dmaAddressHigh;

    /** @param memory where DMA requests and their buffers live */
    public FwCfg(GuestMemory memory) {
        this.memory = memory;
        put(SIGNATURE, "QEMU".getBytes(StandardCharsets.US_ASCII));
        putU32(ID, ID_TRADITIONAL | ID_DMA);
        put(FILE_DIR, new byte[4]);
    }

    public void attach(IoBus bus) {
        bus.map(SELECTOR_PORT, 2, this);
        bus.map(DMA_PORT, 8, this);
    }

    /** Sets numbered item {@code key}. */
    public void put(int key, byte[] data) {
        items.put(key, data.clone());
    }

    /** Sets item {@code key} to a little-endian 16-bit number (the legacy items' format). */
    public void putU16(int key, int value) {
        put(key, ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array());
    }

    public void putU32(int key, int value) {
        put(key, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
    }

    public void putU64(int key, long value) {
        put(key, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
    }

    /** Adds (or replaces) the named item {@code name} and lists it in the file directory. */
    public void putFile(String name, byte[] data) {
        if (name.getBytes(StandardCharsets.US_ASCII).length >= FILE_NAME_BYTES) {
            throw new IllegalArgumentException("fw_cfg file name '" + name + "' is longer than 55 bytes");
        }
        int index = fileNames.indexOf(name);
        if (index < 0) {
            fileNames.add(name);
            index = fileNames.size() - 1;
        }
        put(FILE_FIRST + index, data);
        put(FILE_DIR, directory());
    }

    /** The directory: be32 count, then per file be32 size, be16 key, be16 reserved, 56-byte name. */
    private byte[] directory() {
        ByteBuffer dir = ByteBuffer.allocate(4 + fileNames.size() * 64).order(ByteOrder.BIG_ENDIAN);
        dir.putInt(fileNames.size());
        for (int i = 0; i < fileNames.size(); i++) {
            byte[] name = new byte[FILE_NAME_BYTES];
            byte[] ascii = fileNames.get(i).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(ascii, 0, name, 0, ascii.length);
            dir.putInt(items.get(FILE_FIRST + i).length).putShort((short) (FILE_FIRST + i)).putShort((short) 0).put(name);
        }
        return dir.array();
    }

    private void select(int key) {
        selectedKey = key;
        byte[] item = items.get(key & 0x3FFF | key & 0x8000);
        selected = item == null ? new byte[0] : item;
        offset = 0;
    }

    @Override
    public boolean accepts(int port, int size) {
        return switch (port) {
            case SELECTOR_PORT -> size <= 2;
            case DMA_PORT, DMA_PORT + 4 -> size == 1 || size == 4;
            default -> size == 1;
        };
    }

    @Override
    public int read(int port, int size) {
        if (port == DATA_PORT) {
            return offset < selected.length ? selected[offset++] & 0xFF : 0;
        }
        if (port >= DMA_PORT) {
            int value = 0;
            for (int i = 0; i < size; i++) {
                value |= (DMA_SIGNATURE[port - DMA_PORT + i] & 0xFF) << (8 * i);
            }
            return value;
        }
        return 0xFF;
    }

    /** The DMA address arrives as two big-endian dwords; writing the low one starts the transfer. */
    @Override
    public void write(int port, int size, int value) {
        if (port == SELECTOR_PORT) {
            select(value & 0xFFFF);
        } else if (port == DMA_PORT && size == 4) {
            dmaAddressHigh = Integer.reverseBytes(value);
        } else if (port == DMA_PORT + 4 && size == 4) {
            long address = (long) dmaAddressHigh << 32 | Integer.reverseBytes(value) & 0xFFFF_FFFFL;
            dmaAddressHigh = 0;
            dma(address);
        }
    }

    private void dma(long request) {
        int control = Integer.reverseBytes(memory.load32(request));
        int length = Integer.reverseBytes(memory.load32(request + 4));
        long address = Long.reverseBytes(memory.load64(request + 8));
        if ((control & DMA_SELECT) != 0) {
            select(control >>> 16);
        }
        boolean ok = true;
        if ((control & DMA_READ) != 0) {
            long wanted = length & 0xFFFF_FFFFL;
            int available = (int) Math.min(wanted, Math.max(selected.length - offset, 0));
            memory.write(address, selected, offset, available);
            offset += available;
            for (long i = available; i < wanted; i++) {
                memory.store8(address + i, 0);
            }
        } else if ((control & DMA_WRITE) != 0) {
            ok = false;
        } else if ((control & DMA_SKIP) != 0) {
            offset = (int) Math.min((long) offset + (length & 0xFFFF_FFFFL), Integer.MAX_VALUE);
        }
        memory.store32(request, Integer.reverseBytes(ok ? 0 : DMA_ERROR));
    }

    /** Which item is selected and how far it was read; the items are the machine's configuration, built again. */
    @Override
    public void saveState(DataOutputStream out) throws IOException {
        out.writeInt(selectedKey);
        out.writeInt(offset);
        out.writeInt(dmaAddressHigh);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        select(in.readInt());
        offset = in.readInt();
        dmaAddressHigh = in.readInt();
    }
}
