package dev.mimic.forth.firmware;

import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.forth.ForthOptions;
import dev.mimic.forth.boot.StartImage;
import dev.mimic.forth.layout.MemoryMap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * An Open Firmware image: the memory of a Forth machine after the firmware sources were compiled
 * on the kernel, with the word to enter at boot. The format is documented in
 * {@code docs/FIRMWARE-IMAGE.md}; in short, a 64-byte little-endian header (magic, version, cell
 * size, byte order, load address, the two section lengths, the boot word, the relocation count,
 * a CRC-32) followed by the system area, the dictionary and the relocation table: the offsets of
 * the cells that hold dictionary addresses, which the loader moves when it loads the dictionary
 * at another address than the one the image was linked for.
 */
public final class FirmwareImage implements StartImage {
    /** "MOFW" read as a little-endian int. */
    static final int MAGIC = 0x57464f4d;
    static final int VERSION = 2;
    static final int HEADER = 64;
    /** Bytes per relocation table entry. */
    static final int RELOCATION = 4;
    /** The prebuilt image's resource name. */
    public static final String RESOURCE = "/dev/mimic/forth/ofw.img";

    private final byte[] system;
    private final byte[] dictionary;
    /** The address the dictionary is linked for: every relocated cell and the boot word point into [base, base + length]. */
    private final long base;
    private final long bootXt;
    /** Offsets of the relocated cells from the start of the system section, ascending. */
    private final int[] relocations;

    FirmwareImage(byte[] system, byte[] dictionary, long base, long bootXt, int[] relocations) {
        this.system = system;
        this.dictionary = dictionary;
        this.base = base;
        this.bootXt = bootXt;
        this.relocations = relocations;
    }

    /** The word the machine enters at boot. */
    public long bootXt() {
        return bootXt;
    }

    /** The address the dictionary is linked for, where {@link #loadInto} puts it. */
    public long loadAddress() {
        return base;
    }

    /** How many cells hold dictionary addresses. */
    public int relocationCount() {
        return relocations.length;
    }

    /**
     * This image linked for {@code address}: each relocated cell and the boot word moved by the
     * distance between the two addresses. The address must be cell-aligned, at or above the
     * machine's {@link MemoryMap#DICTIONARY}, and leave room for the dictionary below the heap of
     * a machine of {@link ForthOptions#DEFAULT_MEMORY}; otherwise the exception says why.
     */
    public FirmwareImage relocatedTo(long address) {
        long heap = MemoryMap.heapStart(ForthOptions.DEFAULT_MEMORY);
        if (address % MemoryMap.CELL != 0 || address < MemoryMap.DICTIONARY || address > heap - dictionary.length) {
            throw new IllegalArgumentException(String.format(
                    "cannot load the dictionary at 0x%x: it needs a cell-aligned address from 0x%x to 0x%x", address,
                    MemoryMap.DICTIONARY, heap - dictionary.length));
        }
        if (address == base) {
            return this;
        }
        long delta = address - base;
        ByteBuffer sections = sections();
        for (int offset : relocations) {
            sections.putLong(offset, sections.getLong(offset) + delta);
        }
        byte[] movedSystem = new byte[system.length];
        byte[] movedDictionary = new byte[dictionary.length];
        sections.get(0, movedSystem).get(system.length, movedDictionary);
        return new FirmwareImage(movedSystem, movedDictionary, address, bootXt + delta, relocations);
    }

    @Override
    public void loadInto(GuestMemory memory) {
        long limit = MemoryMap.heapStart(memory.size());
        if (base + dictionary.length > limit) {
            throw new IllegalStateException(String.format(
                    "a dictionary of %d bytes at 0x%x does not fit below the heap at 0x%x", dictionary.length, base, limit));
        }
        memory.write(0, system, 0, system.length);
        memory.write(base, dictionary, 0, dictionary.length);
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
        ByteBuffer table = ByteBuffer.allocate(relocations.length * RELOCATION).order(ByteOrder.LITTLE_ENDIAN);
        for (int offset : relocations) {
            table.putInt(offset);
        }
        ByteBuffer b = ByteBuffer.allocate(HEADER + system.length + dictionary.length + table.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putShort((short) VERSION).put((byte) MemoryMap.CELL).put((byte) 0);
        b.putLong(base).putLong(system.length).putLong(dictionary.length).putLong(bootXt);
        b.putInt(relocations.length).putInt(crc(system, dictionary, table.array()));
        b.position(HEADER);
        b.put(system).put(dictionary).put(table.array());
        return b.array();
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, toBytes());
    }

    /**
     * Reads the image in {@code file}, refusing anything this machine cannot boot, and relocates
     * it to the machine's {@link MemoryMap#DICTIONARY} if it was linked for another address.
     */
    public static FirmwareImage read(Path file) throws FirmwareFormatException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FirmwareFormatException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
        return parse(file.toString(), bytes).relocatedTo(MemoryMap.DICTIONARY);
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

    /**
     * Checks every header field and relocation against what this machine boots, and returns the
     * image as linked (see {@link #relocatedTo}); {@code name} is for messages.
     */
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
        if (load < MemoryMap.DICTIONARY || load % MemoryMap.CELL != 0 || load > Integer.MAX_VALUE) {
            throw new FirmwareFormatException(name, 8, String.format(
                    "load address 0x%x: the dictionary must be linked for a cell-aligned address from 0x%x to 0x%x",
                    load, MemoryMap.DICTIONARY, Integer.MAX_VALUE));
        }
        long systemLength = b.getLong(16);
        if (systemLength != MemoryMap.FLOAT_STACK_LIMIT) {
            throw new FirmwareFormatException(name, 16, "system area of " + systemLength + " bytes, this machine's is " + MemoryMap.FLOAT_STACK_LIMIT);
        }
        long dictionaryLength = b.getLong(24);
        long afterSystem = bytes.length - HEADER - systemLength;
        if (dictionaryLength < 0 || dictionaryLength > afterSystem) {
            throw new FirmwareFormatException(name, 24, "dictionary length " + dictionaryLength + " is more than the "
                    + Math.max(0, afterSystem) + " bytes after the system area");
        }
        long room = MemoryMap.heapStart(ForthOptions.DEFAULT_MEMORY) - MemoryMap.DICTIONARY;
        if (dictionaryLength > room) {
            throw new FirmwareFormatException(name, 24, "a dictionary of " + dictionaryLength + " bytes does not fit the machine's " + room);
        }
        long boot = b.getLong(32);
        if (boot < load || boot >= load + dictionaryLength) {
            throw new FirmwareFormatException(name, 32, String.format("boot word 0x%x is outside the dictionary", boot));
        }
        long count = Integer.toUnsignedLong(b.getInt(40));
        long tableBytes = afterSystem - dictionaryLength;
        if (count * RELOCATION != tableBytes) {
            throw new FirmwareFormatException(name, 40, count + " relocations need " + count * RELOCATION
                    + " bytes after the dictionary, the file has " + tableBytes);
        }
        int sections = HEADER;
        int table = (int) (HEADER + systemLength + dictionaryLength);
        byte[] system = Arrays.copyOfRange(bytes, sections, sections + (int) systemLength);
        byte[] dictionary = Arrays.copyOfRange(bytes, sections + system.length, table);
        int crc = crc(system, dictionary, Arrays.copyOfRange(bytes, table, bytes.length));
        if (b.getInt(44) != crc) {
            throw new FirmwareFormatException(name, 44, String.format("checksum 0x%08x does not match the contents (0x%08x)", b.getInt(44), crc));
        }
        int[] relocations = new int[(int) count];
        long previous = -1;
        for (int i = 0; i < relocations.length; i++) {
            int at = table + i * RELOCATION;
            long offset = Integer.toUnsignedLong(b.getInt(at));
            String problem = relocationProblem(b, offset, previous, load, systemLength, dictionaryLength);
            if (problem != null) {
                throw new FirmwareFormatException(name, at, String.format("relocation %d (section offset 0x%x) %s", i, offset, problem));
            }
            relocations[i] = (int) offset;
            previous = offset;
        }
        return new FirmwareImage(system, dictionary, load, boot, relocations);
    }

    /** What is wrong with the relocation of the cell at {@code offset} in the sections, or null. */
    private static String relocationProblem(ByteBuffer b, long offset, long previous, long load, long systemLength, long dictionaryLength) {
        if (offset <= previous) {
            return String.format("does not follow the previous one (0x%x); the table must ascend", previous);
        }
        if (offset % MemoryMap.CELL != 0) {
            return "is not cell-aligned";
        }
        if (offset + MemoryMap.CELL > systemLength + dictionaryLength) {
            return "lies beyond the " + (systemLength + dictionaryLength) + " bytes of the sections";
        }
        long cell = b.getLong((int) (HEADER + offset));
        if (cell < load || cell > load + dictionaryLength) {
            return String.format("holds 0x%x, not an address in the dictionary 0x%x..0x%x", cell, load, load + dictionaryLength);
        }
        return null;
    }

    private ByteBuffer sections() {
        return ByteBuffer.allocate(system.length + dictionary.length).order(ByteOrder.LITTLE_ENDIAN).put(system).put(dictionary);
    }

    private static void expect(String name, int offset, long found, long wanted, String what) throws FirmwareFormatException {
        if (found != wanted) {
            throw new FirmwareFormatException(name, offset, what + " " + found + ", this machine needs " + wanted);
        }
    }

    private static int crc(byte[]... parts) {
        CRC32 crc = new CRC32();
        for (byte[] part : parts) {
            crc.update(part);
        }
        return (int) crc.getValue();
    }
}
