package dev.mimic.x86.user;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ElfImageTest {
    private static final byte[] GOOD = TinyElf.of(TinyElf.bytes(0x90, 0xC3));

    /** Each row breaks one field (offset, new byte) or truncates the file (offset, -1). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0  | 0   | prog: offset 0x0: not an ELF file (bad magic number)",
        "4  | 2   | prog: offset 0x4: not a 32-bit ELF file (class 2)",
        "5  | 2   | prog: offset 0x5: not a little-endian ELF file",
        "16 | 3   | prog: offset 0x10: a shared object or PIE, not a static executable (ET_DYN)",
        "18 | 40  | prog: offset 0x12: not an i386 program (machine 40)",
        "42 | 16  | prog: offset 0x2a: program header size 16, expected 32",
        "44 | 0   | prog: offset 0x2c: no program headers",
        "52 | 3   | prog: offset 0x34: dynamically linked (PT_INTERP); x86-user runs static programs",
        "72 | 0   | prog: offset 0x44: segment file size 0x56 exceeds its memory size 0x0",
        "26 | 0   | prog: offset 0x18: entry point 0x8008054 is outside every segment",
        "30 | -1  | prog: offset 0x1e: file too short for an ELF header (30 bytes, need 52)",
        "60 | -1  | prog: offset 0x1c: program headers at 0x34..0x54 extend past the end of the file (0x3c bytes)",
        "31 | 64  | prog: offset 0x1c: program headers at 0x40000034..0x40000054 extend past the end of the file (0x56 bytes)",
        "59 | 127 | prog: offset 0x38: segment data at 0x7f000000..0x7f000056 extend past the end of the file (0x56 bytes)",
        "57 | 16  | prog: offset 0x38: segment data at 0x1000..0x1056 extend past the end of the file (0x56 bytes)",
        "75 | 255 | prog: offset 0x3c: segment at 0x8048000 reaches kernel space",
        "60 | 1   | prog: offset 0x3c: segment address and file offset differ modulo the page size"})
    void malformedFile_isRefusedWithTheOffsetOfTheBadField(int offset, int value, String message) {
        byte[] file = value < 0 ? Arrays.copyOf(GOOD, offset) : GOOD.clone();
        if (value >= 0) {
            file[offset] = (byte) value;
        }
        assertEquals(message, assertThrows(ElfFormatException.class, () -> ElfImage.parse("prog", file)).getMessage());
    }

    @org.junit.jupiter.api.Test
    void wellFormedFile_givesEntryAndSegments() {
        ElfImage image = ElfImage.parse("prog", GOOD);
        assertEquals(TinyElf.BASE + TinyElf.HEADERS, image.entry());
        assertEquals(TinyElf.BASE + 52, image.programHeaders());
        assertEquals(1, image.segments().size());
    }
}
