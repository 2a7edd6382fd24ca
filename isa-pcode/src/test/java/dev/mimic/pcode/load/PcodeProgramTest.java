package dev.mimic.pcode.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loader accepts what pcom writes and rejects malformed files with {@code file:line: message}. */
class PcodeProgramTest {
    /** A program whose main block holds {@code body}, which starts at line 4. */
    static String program(String body) {
        return "l 1\n ents l 2\n ente l 3\n" + body + "\n retp\nl 2=-32\nl 3=-100\ng 8\nq\n mst 0\n cup 0 l 1\n stp\nq\n";
    }

    private static String rejection(String text) {
        return assertThrows(PcodeFormatException.class, () -> PcodeProgram.parse("t.p5", text)).getMessage();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        " foo 1                       | t.p5:4: unknown instruction 'foo'",
        " ujp l 99                    | t.p5:4: undefined label 99",
        " ldci abc                    | t.p5:4: expected an integer operand, found 'abc'",
        " ldci                        | t.p5:4: expected an integer operand, found end of line",
        " ldci 99999999999            | t.p5:4: number 99999999999 out of range",
        " lodi 300 4                  | t.p5:4: lodi: operand 300 out of range 0..255",
        " ldci 1 2                    | t.p5:4: unexpected '2' after the operands",
        " ujp 5                       | t.p5:4: expected a label (l N), found '5'",
        " csp xyz                     | t.p5:4: unknown standard procedure 'xyz'",
        " ldcr 1.e5                   | t.p5:4: expected a real number, found '1.e5'",
        " ldcs(1 300)                 | t.p5:4: set element 300 out of range 0..255",
        " ldcs 1 2                    | t.p5:4: ldcs: expected '(' before the set elements",
        " ldcs(1 2                    | t.p5:4: ldcs: missing ')' after the set elements",
        " lca 5 'abc                  | t.p5:4: lca: unterminated string",
        " lca -1 'abc'                | t.p5:4: lca: negative string length -1",
        " lca 2000000000 'x'          | t.p5:4: constant table overflow: the constants do not fit in the store",
        " ldcc 300                    | t.p5:4: ldcc: character code 300 out of range 0..255",
        " ldcc 'ab'                   | t.p5:4: ldcc: expected ' after the character",
        "x                            | t.p5:4: unexpected line start 'x'",
        "l 1                          | t.p5:4: duplicate label 1",
        "f 3                          | t.p5:4: the compiler reported 3 errors in the source program",
        "!@var 1 x -36                | t.p5:4: expected !@var: a size, found end of line",
        "!@var 1 x -36 4 integer out  | t.p5:4: !@var: kind must be val, var or local, not 'out'",
        "!@proc 77 2 p                | t.p5:4: undefined label 77 in debug record",
        "o 1                          | t.p5:4: bad option '1' (expected a letter a..z)",
    })
    void malformedLineIsRejectedWithItsPosition(String body, String message) {
        assertEquals(message.strip(), rejection(program(body.stripTrailing())));
    }

    @Test
    void missingEndOfSectionIsRejectedAtTheEnd() {
        assertEquals("t.p5:3: unexpected end of file: missing 'q' after the program", rejection("l 1\n ents l 2\n retp\n"));
        assertEquals("t.p5:4: unexpected end of file: missing 'q' after the startup code", rejection("g 8\nq\n mst 0\n stp\n"));
    }

    @Test
    void missingGlobalsSizeIsRejected() {
        assertEquals("t.p5:5: no 'g' record gives the size of the globals", rejection("l 1\n retp\nq\n stp\nq\n"));
    }

    @Test
    void startupCodeLongerThanItsPlaceIsRejected() {
        assertEquals("t.p5:9: the startup code takes 11 bytes, more than the 9 reserved for it",
                rejection("l 1\n retp\ng 8\nq\n mst 0\n cup 0 l 1\n ldcb 1\n stp\nq\n"));
    }

    @Test
    void absurdGlobalsSizeIsRejectedWithoutAllocatingIt() {
        assertEquals("t.p5:3: the program does not fit in the store (16777216 bytes)",
                rejection("l 1\n retp\ng 2000000000\nq\n mst 0\n cup 0 l 1\n stp\nq\n"));
    }

    @Test
    void pcomFormattingIsAccepted() throws PcodeFormatException {
        PcodeProgram p = PcodeProgram.parse("t.p5", program(String.join("\n",
                "!    10",
                "o  t+c-l+",
                "",
                " lodi   0      -36",
                " cup   3   l  12",
                "l  12=-36",
                " ldcs(      1      3    255)",
                " ldcc '''",
                " ldcc  65",
                " lca   6 'it''s '",
                " chki           1          10",
                " csp         wri",
                " ldcr -1.25e-3",
                " ujc",
                "v l 13 2 0 1",
                " ivti   4        8 l 13")));
        assertEquals(OptionalInt.of(-36), p.label(12));
        assertTrue(p.overflowChecks());
        assertEquals(1, p.programEntry() < 0 ? 0 : 1);
    }

    @Test
    void overflowCheckingFollowsTheOOption() throws PcodeFormatException {
        assertEquals(false, PcodeProgram.parse("t.p5", program("o o-")).overflowChecks());
    }

    @Test
    void lineMarkersMapAddressesToSourceLines() throws PcodeFormatException {
        PcodeProgram p = PcodeProgram.parse("t.p5", program(":5\n ldci 1\n sroi 8\n:6\n:7\n ldci 2\n sroi 8"));
        int line5 = p.firstPc(5).orElseThrow();
        int line7 = p.firstPc(7).orElseThrow();
        assertEquals(OptionalInt.of(5), p.sourceLine(line5));
        assertEquals(OptionalInt.of(5), p.sourceLine(line5 + 5));
        assertEquals(OptionalInt.of(7), p.sourceLine(line7));
        assertEquals(p.firstPc(7), p.firstPc(6), "a line without code starts where the next code does");
    }

    @Test
    void debugRecordsNameProceduresAndVariables() throws PcodeFormatException {
        PcodeProgram p = PcodeProgram.parse("t.p5", "!@source demo.pas\n!@proc 1 1 demo input output data\n"
                + "!@var 1 data 8 2 file local\n!@unknown record\n" + program("").substring(0));
        assertEquals("demo.pas", p.pascalSource().orElseThrow());
        DebugInfo.Procedure demo = p.debug().procedures().get(0);
        assertEquals(List.of("input", "output", "data"), demo.parameters());
        assertEquals(p.programEntry(), demo.entry());
        assertEquals(new DebugInfo.Variable(demo.entry(), "data", 8, 2, "file", DebugInfo.Kind.LOCAL), p.debug().variables().get(0));
    }
}
