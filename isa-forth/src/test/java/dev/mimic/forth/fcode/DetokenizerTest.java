package dev.mimic.forth.fcode;

import static dev.mimic.forth.fcode.TestImages.START1;
import static dev.mimic.forth.fcode.TestImages.concat;
import static dev.mimic.forth.fcode.TestImages.pciRom;
import static dev.mimic.forth.fcode.TestImages.program;
import static dev.mimic.forth.fcode.TestImages.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetokenizerTest {

    @Test
    void listing_showsHeaderTokensOperandsAndNesting() {
        byte[] image = pciRom(program(START1, concat(
                new int[] {0xb6}, string("gray"), new int[] {0x08, 0x00},    // named-token gray 0x800
                new int[] {0xb7, 0xb1, 0x57, 0x14, 0x00, 0x06},              // b(:) b(<mark) 2/ b?branch +6
                new int[] {0x13, 0xff, 0xf9, 0xb2, 0xc2},                    // bbranch -7 b(>resolve) b(;)
                new int[] {0x12}, string("a\"b\n"), new int[] {0x10, 0xff, 0xff, 0xff, 0xff, 0x08, 0x00, 0x00})), 1);
        assertEquals("""
                \\ card.rom: PCI expansion ROM image at 0x0: vendor 0x1011, device 0x0019, class 0x000200, 512 bytes; FCode at 0x34
                \\ card.rom: start1 program, spread 1, 16-bit offsets, 41 bytes, checksum 0x0ce6 ok
                     0: start1 format 0x08 checksum 0x0ce6 length 0x0029
                     8: named-token gray 0x800
                    16: b(:)
                    17:     b(<mark)
                    18:         2/
                    19:         b?branch 0x0006 -> 26
                    22:             bbranch 0xfff9 -> 16
                    25:     b(>resolve)
                    26: b(;)
                    27: b(") " a""b"( 0a )"
                    33: b(lit) 0xffffffff
                    38: gray
                    40: end0
                \\ card.rom: end0 at offset 40 of 41 bytes
                """, Detokenizer.listing(FCodeImage.read("card.rom", image)));
    }

    @Test
    void listing_ofAFile_namesItAsGiven(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("one.fc");
        Files.write(file, program(START1, 0xa6, 0x00));
        assertEquals("""
                \\ %s: start1 program, spread 1, 16-bit offsets, 10 bytes, checksum 0x00a6 ok
                     0: start1 format 0x08 checksum 0x00a6 length 0x000a
                     8: 1
                     9: end0
                \\ %s: end0 at offset 9 of 10 bytes
                """.formatted(file, file), Detokenizer.listing(file));
    }

    @Test
    void listing_ofAMalformedFile_isTheFormatError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.fc");
        Files.write(file, program(START1, 0xe7, 0x00));
        FCodeFormatException e = assertThrows(FCodeFormatException.class, () -> Detokenizer.listing(file));
        assertEquals(file + ": offset 0x8: unknown FCode 0x0e7 (neither standard nor defined by the program)", e.getMessage());
    }
}
