package dev.mimic.repl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExamineFormatTest {
    private final ToyMachine machine = ToyMachine.of("""
            main:  halt
            bytes: .word 0x80ff7f41
                   .word 0x0a00
            """);

    @ParameterizedTest
    @CsvSource({"'', 1, x, 4", "4xw, 4, x, 4", "wx, 1, x, 4", "3d, 3, d, 4", "c, 1, c, 1", "ch, 1, c, 2",
            "10i, 10, i, 4", "s, 1, s, 4", "2ug, 2, u, 8", "b, 1, x, 1", "o, 1, o, 4"})
    void parsesCountFormatAndSizeInGdbsOrder(String modifier, int count, char format, int size) {
        assertEquals(new ExamineFormat(count, format, size), ExamineFormat.parse(modifier));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"4q | bad format letter 'q' in '/4q' (one format of x d u o c s i, one size of b h w g)",
            "xd | bad format letter 'd' in '/xd' (one format of x d u o c s i, one size of b h w g)",
            "0x | count must be at least 1",
            "x4 | bad format '/x4' (expected /COUNT FORMAT SIZE, such as /4xw)",
            "99999999999x | count 99999999999 is too large"})
    void badModifiersAreOneLine(String modifier, String message) {
        assertEquals(message, assertThrows(CommandException.class, () -> ExamineFormat.parse(modifier)).getMessage());
    }

    @Test
    void hexPadsToTheUnitSize() {
        assertEquals(List.of("0x4 <bytes>:  0x41  0x7f  0xff  0x80  0x00  0x0a  0x00  0x00"), render("8xb", 4));
        assertEquals(List.of("0x4 <bytes>:  0x80ff7f41  0x00000a00"), render("2xw", 4));
        assertEquals(List.of("0x4 <bytes>:  0x00000a0080ff7f41"), render("xg", 4));
    }

    @Test
    void signedUnsignedAndOctalReadTheSameBytesDifferently() {
        assertEquals(List.of("0x4 <bytes>:    65   127    -1  -128"), render("4db", 4));
        assertEquals(List.of("0x4 <bytes>:   65  127  255  128"), render("4ub", 4));
        assertEquals(List.of("0x4 <bytes>:  0101  0177  0377  0200"), render("4ob", 4));
        assertEquals(List.of("0x4 <bytes>:   32577  -32513"), render("2dh", 4));
    }

    @Test
    void wideUnitsWrapAfterALineOfSixteenBytes() {
        assertEquals(List.of("0x0 <main>:  0x0000000c  0x80ff7f41  0x00000a00  0x00000000",
                "0x10:        0x00000000"), render("5xw", 0));
    }

    @Test
    void charactersAreEscapedLikeC() {
        assertEquals(List.of("0x4 <bytes>:  65 'A'  127 '\\177'  255 '\\377'  128 '\\200'  0 '\\000'  10 '\\n'"), render("6c", 4));
    }

    @Test
    void stringsEndAtNul() {
        assertEquals(List.of("0x4 <bytes>:    \"A\\177\\377\\200\"", "0x9 <bytes+5>:  \"\\n\""), render("2s", 4));
    }

    @Test
    void instructionsAreAListing() {
        assertEquals(List.of("=> 0x0 <main>:  halt"), render("i", 0));
    }

    private List<String> render(String modifier, long address) {
        return ExamineFormat.parse(modifier).render(machine, address);
    }
}
