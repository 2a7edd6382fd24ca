package dev.mimic.forth.firmware;

import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.forth.boot.StartImage;
import dev.mimic.forth.layout.MemoryMap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * An Open Firmware image: the memory of a Forth machine after the firmware sources were compiled
 * on the kernel, with the word to enter at boot. The format is documented in
 * {@code docs/FIRMWARE-IMAGE.md}; in short, a 64-byte little-endian header (magic, version, cell
 * size, byte order, load address, the two section lengths, the boot word, the relocation count,
 * a CRC-32 of the sections) followed by the system area and the dictionary. Images are linked for
 * the load address they name and carry no relocations, so a loader refuses any other address.
 */
public final class FirmwareImage implements StartImage {
    /** "MOFW" read as a little-endian int. */
    static final int MAGIC = 0x57464f4d;
    static final int VERSION = 1;
    static final int HEADER = 64;
    /** The prebuilt image's resource name. */
    public static final String RESOURCE = "/dev/mimic/forth/ofw.img";

    private final byte[] system;
    private final byte[] dictionary;
    private final long bootXt;

    FirmwareImage(byte[] system, byte[] dictionary, long bootXt) {
        this.system = system;
        this.dictionary = dictionary;
        this.bootXt = bootXt;
    }

    /** The word the machine enters at boot. */
    public long bootXt() {
        return bootXt;
    }

    @Override
    public void loadInto(GuestMemory memory) {
        memory.write(0, system, 0, system.length);
        memory.write(MemoryMap.DICTIONARY, dictionary, 0, dictionary.length);
        memory.store64(MemoryMap.BOOT_THREAD, bootXt);
        memory.store64(MemoryMap.BOOT_THREAD + MemoryMap.CELL, memory.load64(MemoryMap.HALT_THREAD));
    }

    /** The firmware prints its own banner before the first ok prompt. */
    @Override
    public boolean hasOwnBanner() {
        return true;
    }

    /** The image in its file format. */
    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(HEADER + system.length + dictionary.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putShort((short) VERSION).put((byte) MemoryMap.CELL).put((byte) 0);
        b.putLong(MemoryMap.DICTIONARY).putLong(system.length).putLong(dictionary.length).putLong(bootXt);
        b.putInt(0).putInt(crc(system, dictionary));
        b.position(HEADER);
        b.put(system).put(dictionary);
        return b.array();
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, toBytes());
    }

    /** Reads the image in {@code file}, refusing anything this machine cannot boot. */
    public static FirmwareImage read(Path file) throws FirmwareFormatException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FirmwareFormatException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
        return parse(file.toString(), bytes);
    }

    /** The firmware built with this program (the {@value #RESOURCE} resource). */
    public static FirmwareImage builtIn() {
        try (InputStream in = FirmwareImage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the firmware image " + RESOURCE + " is missing from the class path; build isa-forth");
            }
            return parse(RESOURCE, in.readAllBytes());
        } catch (IOException | FirmwareFormatException e) {
            throw new IllegalStateException("the built-in firmware image is unreadable: " + e.getMessage(), e);
        }
    }

    /** Checks every header field against what this machine boots; {@code name} is for messages. */
    public static FirmwareImage parse(String name, byte[] bytes) throws FirmwareFormatException {
        if (bytes.length < HEADER) {
            throw new FirmwareFormatException(name, bytes.length, "the file ends inside the " + HEADER + "-byte header");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(0);
        if (magic != MAGIC) {
            throw new FirmwareFormatException(name, 0, String.format("bad magic 0x%08x, not a Mimic firmware image (MOFW)", magic));
        }
        expect(name, 4, b.getShort(4), VERSION, "format version");
        expect(name, 6, b.get(6), MemoryMap.CELL, "cell size");
        if (b.get(7) != 0) {
            throw new FirmwareFormatException(name, 7, "big-endian images are not supported; this machine is little-endian");
        }
        long load = b.getLong(8);
        if (load != MemoryMap.DICTIONARY) {
            throw new FirmwareFormatException(name, 8, String.format(
                    "linked for load address 0x%x, this machine loads at 0x%x and the image has no relocations", load, MemoryMap.DICTIONARY));
        }
        long systemLength = b.getLong(16);
        if (systemLength != MemoryMap.FLOAT_STACK_LIMIT) {
            throw new FirmwareFormatException(name, 16, "system area of " + systemLength + " bytes, this machine's is " + MemoryMap.FLOAT_STACK_LIMIT);
        }
        long dictionaryLength = b.getLong(24);
        if (dictionaryLength < 0 || dictionaryLength != bytes.length - HEADER - systemLength) {
            throw new FirmwareFormatException(name, 24, "dictionary length " + dictionaryLength + " does not match the "
                    + (bytes.length - HEADER - systemLength) + " bytes after the system area");
        }
        long boot = b.getLong(32);
        if (boot < MemoryMap.DICTIONARY || boot >= MemoryMap.DICTIONARY + dictionaryLength) {
            throw new FirmwareFormatException(name, 32, String.format("boot word 0x%x is outside the dictionary", boot));
        }
        if (b.getInt(40) != 0) {
            throw new FirmwareFormatException(name, 40, b.getInt(40) + " relocations; version 1 images are linked and have none");
        }
        byte[] system = new byte[(int) systemLength];
        byte[] dictionary = new byte[(int) dictionaryLength];
        System.arraycopy(bytes, HEADER, system, 0, system.length);
        System.arraycopy(bytes, HEADER + system.length, dictionary, 0, dictionary.length);
        int crc = crc(system, dictionary);
        if (b.getInt(44) != crc) {
            throw new FirmwareFormatException(name, 44, String.format("checksum 0x%08x does not match the contents (0x%08x)", b.getInt(44), crc));
        }
        return new FirmwareImage(system, dictionary, boot);
    }

    private static void expect(String name, int offset, long found, long wanted, String what) throws FirmwareFormatException {
        if (found != wanted) {
            throw new FirmwareFormatException(name, offset, what + " " + found + ", this machine needs " + wanted);
        }
    }

    private static int crc(byte[] system, byte[] dictionary) {
        CRC32 crc = new CRC32();
        crc.update(system);
        crc.update(dictionary);
        return (int) crc.getValue();
    }
}
