package dev.mimic.forth.firmware;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.forth.layout.MemoryMap;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image format's relocations: an image linked for another address boots once the loader has
 * moved it, the dictionary boots wherever the loader puts it, and a bad relocation table is one
 * line naming the entry's offset.
 */
class FirmwareImageTest {
    private static final long ELSEWHERE = 0x280000;

    @Test
    void anImageLinkedForAnotherAddressIsTheBuiltInOneOnceRelocated() throws Exception {
        FirmwareImage linked = FirmwareImage.parse("linked.img", FirmwareBuilder.build(ELSEWHERE).toBytes());
        assertEquals(ELSEWHERE, linked.loadAddress());
        assertTrue(linked.relocationCount() > 1000, "relocations: " + linked.relocationCount());
        FirmwareImage moved = linked.relocatedTo(MemoryMap.DICTIONARY);
        assertArrayEquals(FirmwareImage.builtIn().toBytes(), moved.toBytes());
        assertEquals(expected("tree"), OfwSessionTest.transcript(OfwSessionTest.SESSIONS.resolve("tree.in"), EngineKind.TIERED, moved));
    }

    @Test
    void theDictionaryBootsToTheOkPromptAtAnotherLoadAddress() throws Exception {
        FirmwareImage moved = FirmwareImage.builtIn().relocatedTo(ELSEWHERE);
        assertEquals(ELSEWHERE, moved.loadAddress());
        for (String session : new String[] {"tree", "client", "partitions"}) {
            assertEquals(expected(session), OfwSessionTest.transcript(OfwSessionTest.SESSIONS.resolve(session + ".in"), EngineKind.TIERED, moved), session);
        }
        FirmwareImage back = FirmwareImage.parse("moved.img", moved.toBytes()).relocatedTo(MemoryMap.DICTIONARY);
        assertArrayEquals(FirmwareImage.builtIn().toBytes(), back.toBytes());
    }

    @Test
    void aBadRelocationIsOneLineNamingTheEntrysOffset() {
        byte[] good = FirmwareImage.builtIn().toBytes();
        ByteBuffer b = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN);
        int table = (int) (FirmwareImage.HEADER + b.getLong(16) + b.getLong(24));
        int sections = table - FirmwareImage.HEADER;
        assertEquals(table + ": relocation 0 (section offset 0x" + Integer.toHexString(sections)
                + ") lies beyond the " + sections + " bytes of the sections", problem(good, table, sections));
        assertEquals((table + 4) + ": relocation 1 (section offset 0x0) does not follow the previous one (0x"
                + Integer.toHexString(b.getInt(table)) + "); the table must ascend", problem(good, table + 4, 0));
        assertEquals(table + ": relocation 0 (section offset 0x3) is not cell-aligned", problem(good, table, 3));
        assertEquals(table + ": relocation 0 (section offset 0x8) holds 0xa, not an address in the dictionary 0x100000..0x"
                + Long.toHexString(MemoryMap.DICTIONARY + b.getLong(24)), problem(good, table, 8));
        FirmwareFormatException e = assertThrows(FirmwareFormatException.class,
                () -> FirmwareImage.parse("short.img", java.util.Arrays.copyOf(good, good.length - 2)));
        assertTrue(e.getMessage().startsWith("short.img: offset 40: "), e.getMessage());
    }

    /** The message for {@code image} with the table entry at {@code at} set to {@code offset} (and the CRC made good). */
    private static String problem(byte[] image, int at, int offset) {
        byte[] bad = image.clone();
        ByteBuffer b = ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(at, offset);
        b.putLong(FirmwareImage.HEADER + 8, 10);
        CRC32 crc = new CRC32();
        crc.update(bad, FirmwareImage.HEADER, bad.length - FirmwareImage.HEADER);
        b.putInt(44, (int) crc.getValue());
        FirmwareFormatException e = assertThrows(FirmwareFormatException.class, () -> FirmwareImage.parse("bad.img", bad));
        String prefix = "bad.img: offset ";
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        return e.getMessage().substring(prefix.length());
    }

    private static String expected(String session) throws Exception {
        return Files.readString(OfwSessionTest.SESSIONS.resolve(session + ".out"));
    }
}
