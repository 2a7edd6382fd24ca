package dev.mimic.forth.fcode;

import static dev.mimic.forth.fcode.TestImages.START0;
import static dev.mimic.forth.fcode.TestImages.START1;
import static dev.mimic.forth.fcode.TestImages.START2;
import static dev.mimic.forth.fcode.TestImages.START4;
import static dev.mimic.forth.fcode.TestImages.VERSION1;
import static dev.mimic.forth.fcode.TestImages.bytes;
import static dev.mimic.forth.fcode.TestImages.concat;
import static dev.mimic.forth.fcode.TestImages.pciRom;
import static dev.mimic.forth.fcode.TestImages.program;
import static dev.mimic.forth.fcode.TestImages.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mimic.forth.fcode.FCodeToken.Branch;
import dev.mimic.forth.fcode.FCodeToken.Function;
import dev.mimic.forth.fcode.FCodeToken.FunctionRef;
import dev.mimic.forth.fcode.FCodeToken.Number;
import dev.mimic.forth.fcode.FCodeToken.Text;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FCodeImageTest {

    // --- malformed images: one exact line each -------------------------------------------------

    @Test
    void read_badMagic() {
        assertFails("elf.bin: offset 0x0: not an FCode image: 0x7f is not a start token "
                + "(start0, start1, start2, start4, version1) nor the PCI expansion ROM signature 55 aa",
                () -> FCodeImage.read("elf.bin", bytes(0x7f, 'E', 'L', 'F')));
    }

    @Test
    void read_emptyFile() {
        assertFails("empty.fc: offset 0x0: empty file, not an FCode image", () -> FCodeImage.read("empty.fc", new byte[0]));
    }

    @Test
    void read_badChecksum() {
        byte[] image = program(START1, 0xa5, 0x00);
        image[2] = 0x12;
        image[3] = 0x34;
        assertFails("bad.fc: offset 0x2: checksum 0x1234 does not match the program, whose bytes sum to 0x00a5",
                () -> FCodeImage.read("bad.fc", image));
    }

    @Test
    void read_lengthBeyondFile() {
        byte[] image = program(START1, 0xa5, 0x00);
        image[7] = 0x40;
        assertFails("long.fc: offset 0x4: program length 0x40 runs past the end of the file, which holds 0xa bytes of it",
                () -> FCodeImage.read("long.fc", image));
    }

    @Test
    void read_hugeLengthIsRefusedBeforeAnythingIsRead() {
        byte[] image = program(START1, 0xa5, 0x00);
        image[4] = (byte) 0xff;
        assertFails("huge.fc: offset 0x4: program length 0xff00000a runs past the end of the file, which holds 0xa bytes of it",
                () -> FCodeImage.read("huge.fc", image));
    }

    @Test
    void read_lengthShorterThanHeader() {
        byte[] image = program(START1, 0xa5, 0x00);
        image[7] = 3;
        assertFails("short.fc: offset 0x4: program length 0x3 is shorter than its 8-byte header",
                () -> FCodeImage.read("short.fc", image));
    }

    @Test
    void read_headerCutOff() {
        assertFails("cut.fc: offset 0x0: start1 runs past the end of the file", () -> FCodeImage.read("cut.fc", bytes(START1, 0x08, 0x00)));
    }

    @Test
    void tokens_unknownToken() {
        assertFails("unknown.fc: offset 0x8: unknown FCode 0x0e7 (neither standard nor defined by the program)",
                () -> FCodeImage.read("unknown.fc", program(START1, 0xe7, 0x00)).tokens());
    }

    @Test
    void tokens_unknownTwoByteToken() {
        assertFails("unknown.fc: offset 0x9: unknown FCode 0x6a0 (neither standard nor defined by the program)",
                () -> FCodeImage.read("unknown.fc", program(START1, 0xa5, 0x06, 0xa0, 0x00)).tokens());
    }

    @Test
    void tokens_truncatedString() {
        assertFails("string.fc: offset 0x8: b(\") string of 5 bytes runs past the end of the program (length 0xc)",
                () -> FCodeImage.read("string.fc", program(START1, 0x12, 0x05, 'a', 'b')).tokens());
    }

    @Test
    void tokens_truncatedLiteral() {
        assertFails("lit.fc: offset 0x8: b(lit) runs past the end of the program (length 0xb)",
                () -> FCodeImage.read("lit.fc", program(START1, 0x10, 0x00, 0x01)).tokens());
    }

    @Test
    void tokens_programWithoutEnd0() {
        assertFails("open.fc: offset 0x9: the program (length 0x9) ends without end0",
                () -> FCodeImage.read("open.fc", program(START1, 0xa5)).tokens());
    }

    @Test
    void tokens_branchOutsideProgram() {
        assertFails("far.fc: offset 0x8: bbranch offset 4096 leads to 4105, outside the program (length 0xc)",
                () -> FCodeImage.read("far.fc", program(START1, 0x13, 0x10, 0x00, 0x00)).tokens());
    }

    @Test
    void tokens_unresolvedBranch() {
        assertFails("zero.fc: offset 0x8: b?branch has offset 0 (unresolved)",
                () -> FCodeImage.read("zero.fc", program(START1, 0x14, 0x00, 0x00, 0x00)).tokens());
    }

    @Test
    void tokens_tickOfUnknownToken() {
        assertFails("tick.fc: offset 0x8: b(') names unknown FCode 0x0e7",
                () -> FCodeImage.read("tick.fc", program(START1, 0x11, 0xe7, 0x00)).tokens());
    }

    @Test
    void read_pciRomWithoutOpenFirmwareImage() {
        assertFails("x86.rom: offset 0x0: PCI expansion ROM has no Open Firmware image (code type 1)",
                () -> FCodeImage.read("x86.rom", pciRom(program(START1, 0x00), 0)));
    }

    @Test
    void read_pciRomWithBrokenDataStructure() {
        byte[] rom = pciRom(program(START1, 0x00), 1);
        rom[0x1c] = 'X';
        assertFails("bad.rom: offset 0x1c: PCI data structure does not start with \"PCIR\"", () -> FCodeImage.read("bad.rom", rom));
    }

    @Test
    void read_pciRomWhoseFCodeHasNoStartToken() {
        assertFails("bad.rom: offset 0x34: not an FCode image: 0x12 is not a start token (start0, start1, start2, start4, version1)",
                () -> FCodeImage.read("bad.rom", pciRom(bytes(0x12, 0x00), 1)));
    }

    @Test
    void probing_addsTheDeviceNode() {
        FCodeFormatException e = assertThrows(FCodeFormatException.class,
                () -> FCodeImage.read("QEMU,VGA.bin", program(START1, 0xe7, 0x00)).tokens());
        FCodeFormatException probed = e.probing("/pci@1f,0/QEMU,VGA@2");
        assertEquals("QEMU,VGA.bin: offset 0x8: unknown FCode 0x0e7 (neither standard nor defined by the program) (probing /pci@1f,0/QEMU,VGA@2)",
                probed.getMessage());
        assertEquals(Optional.of("/pci@1f,0/QEMU,VGA@2"), probed.node());
        assertEquals(0x8, probed.offset());
    }

    private static void assertFails(String message, Executable read) {
        FCodeFormatException e = assertThrows(FCodeFormatException.class, read);
        assertEquals(message, e.getMessage());
    }

    // --- well-formed images ---------------------------------------------------------------------

    @Test
    void tokens_readLiteralsStringsAndUserTokens() {
        FCodeImage image = FCodeImage.read("t.fc", program(START1, concat(
                new int[] {0x10, 0xff, 0xff, 0xff, 0xfe},       // b(lit) -2
                new int[] {0xca}, string("hello"), new int[] {0x08, 0x00},  // external-token hello 0x800
                new int[] {0xb7, 0x12}, string("hi"), new int[] {0x90, 0xc2},  // b(:) b(") "hi" type b(;)
                new int[] {0x08, 0x00, 0x00})));                // hello end0
        List<FCodeToken> tokens = image.tokens();
        assertEquals(List.of("start1", "b(lit)", "external-token", "b(:)", "b(\")", "type", "b(;)", "hello", "end0"),
                tokens.stream().map(t -> t.function().toString()).toList());
        assertEquals(List.of(new Number(OperandKind.NUM32, 0xfffffffeL)), tokens.get(1).operands());
        FunctionRef hello = new FunctionRef(0x800, Optional.of("hello"));
        assertEquals(List.of(new Text("hello"), new Function(hello)), tokens.get(2).operands());
        assertEquals(List.of(new Text("hi")), tokens.get(4).operands());
        assertEquals(hello, tokens.get(7).function());
        assertEquals(Optional.empty(), tokens.get(7).standard());
        assertEquals(List.of(0, 8, 13, 22, 23, 27, 28, 29, 31), tokens.stream().map(FCodeToken::offset).toList());
    }

    @Test
    void tokens_newTokenShadowsAStandardNumber() {
        List<FCodeToken> tokens = FCodeImage.read("t.fc", program(START1, 0xb5, 0x47, 0xb7, 0xc2, 0x47, 0x00)).tokens();
        assertEquals("(unnamed-fcode) [0x047]", tokens.get(4).function().toString());
        assertEquals(Optional.empty(), tokens.get(4).standard());
    }

    @Test
    void tokens_version1HasEightBitOffsetsUntilOffset16() {
        List<FCodeToken> tokens = FCodeImage.read("v1.fc", program(VERSION1, 0x13, 0x02, 0xa5, 0xcc, 0x13, 0x00, 0x02, 0x00)).tokens();
        assertEquals(new Branch(2, 8, 11), tokens.get(1).operands().get(0));
        assertEquals("offset16", tokens.get(3).function().toString());
        assertEquals(new Branch(2, 16, 15), tokens.get(4).operands().get(0));
    }

    @Test
    void tokens_backwardBranchIsSigned() {
        List<FCodeToken> tokens = FCodeImage.read("loop.fc", program(START1, 0xb1, 0xa5, 0x13, 0xff, 0xfe, 0x00)).tokens();
        assertEquals(new Branch(-2, 16, 9), tokens.get(3).operands().get(0));
    }

    /** start2 and start4 programs sit on every second or fourth byte of a ROM on a wider bus. */
    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void tokens_followTheSpread(int spread) {
        int start = spread == 2 ? START2 : START4;
        byte[] compact = program(start, 0x10, 0x00, 0x00, 0x01, 0x00, 0xa6, 0x00);
        FCodeImage image = FCodeImage.read("wide.rom", TestImages.spread(compact, spread));
        assertEquals(spread, image.header().spread());
        List<FCodeToken> tokens = image.tokens();
        assertEquals(List.of("start" + spread, "b(lit)", "1", "end0"), tokens.stream().map(t -> t.function().toString()).toList());
        assertEquals(List.of(new Number(OperandKind.NUM32, 0x100)), tokens.get(1).operands());
        assertEquals(List.of(0L, 8L * spread, 13L * spread, 14L * spread), tokens.stream().map(FCodeToken::fileOffset).toList());
    }

    /** start0 is read from one address; a file holds those bytes one after another. */
    @Test
    void tokens_spreadZeroReadsConsecutiveBytes() {
        FCodeImage image = FCodeImage.read("port.fc", program(START0, 0xa6, 0x00));
        assertEquals(0, image.header().spread());
        assertEquals(List.of("start0", "1", "end0"), image.tokens().stream().map(t -> t.function().toString()).toList());
    }

    @Test
    void tokens_stopAtEnd1() {
        FCodeImage image = FCodeImage.read("ff.fc", program(START1, 0xa6, 0xff, 0xa6));
        assertEquals(List.of("start1", "1", "end1"), image.tokens().stream().map(t -> t.function().toString()).toList());
    }

    @Test
    void read_findsTheProgramInAPciRom() {
        FCodeImage image = FCodeImage.read("card.rom", pciRom(program(START1, 0xa6, 0x00), 1));
        PciExpansionRom pci = image.pci().orElseThrow();
        assertEquals(new PciExpansionRom(0, 0x1011, 0x0019, 0x000200, 512, 0x34), pci);
        List<FCodeToken> tokens = image.tokens();
        assertEquals(8, tokens.get(1).offset());
        assertEquals(0x3c, tokens.get(1).fileOffset());
    }

    @Test
    void header_describesTheProgram() {
        FCodeImage image = FCodeImage.read("h.fc", program(VERSION1, 0xa6, 0x00));
        FCodeImage.Header header = image.header();
        assertEquals("version1", header.start().word());
        assertEquals(8, header.format());
        assertEquals(0xa6, header.checksum());
        assertEquals(10, header.length());
        assertEquals(8, header.offsetBits());
        assertEquals(List.of(new Number(OperandKind.BYTE, 8), new Number(OperandKind.NUM16, 0xa6), new Number(OperandKind.NUM32, 10)),
                image.tokens().get(0).operands());
    }
}
