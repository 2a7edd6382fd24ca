package dev.mimic.pcode.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The P5 code emitted for small constructs, instruction by instruction as pcom emits it. Lines
 * are compared with runs of blanks collapsed, so the tests pin the code, not the column layout.
 */
class CodeGenerationTest {

    /** Compiles {@code declarations} and {@code statements} into a program; returns its code. */
    private static String compile(String declarations, String statements) {
        CompileResult result = new PascalCompiler().compile("t.pas",
                "program t(input, output);\n" + declarations + "\nbegin\n" + statements + "\nend.\n");
        assertEquals(List.of(), result.errors());
        return normalized(result.pcode());
    }

    private static String normalized(String pcode) {
        return Arrays.stream(pcode.split("\n")).map(l -> l.strip().replaceAll("\\s+", " "))
                .collect(Collectors.joining("\n"));
    }

    /** Asserts that {@code code} holds the lines of {@code expected} in a row. */
    private static void assertContains(String code, String expected) {
        String lines = normalized(expected.strip());
        assertTrue(("\n" + code + "\n").contains("\n" + lines + "\n"), () -> "expected\n" + lines + "\nin\n" + code);
    }

    @Test
    void globalAssignment_usesAbsoluteAddresses() {
        assertContains(compile("var i: integer;", "i := i + 1"), """
                ldoi 8
                ldci 1
                adi
                sroi 8""");
    }

    @Test
    void outerLocal_isReachedThroughTheStaticChain() {
        String code = compile("""
                procedure p;
                var a: integer;
                  procedure q; begin a := a * 2 end;
                begin a := 1; q end;""", "p");
        assertContains(code, """
                lodi 1 -36
                ldci 2
                mpi
                stri 1 -36
                retp""");
        assertContains(code, """
                mst 0
                cup 0 l 2""");
    }

    @Test
    void indexing_checksSubtractsTheLowBoundAndScales() {
        assertContains(compile("var a: array[1..10] of integer; i: integer;", "a[i] := 0"), """
                lao 8
                ldoi 48
                chki 1 10
                deci 1
                ixa 4
                ldci 0
                stoi""");
    }

    @Test
    void byteSizedSubrange_isStoredAsAByteAfterARangeCheck() {
        assertContains(compile("var d: 1..10; i: integer;", "d := i"), """
                ldoi 12
                chkx 1 10
                srox 8""");
    }

    /** The identifiers of one declaration are placed from the last to the first, as in pcom: i is at 12. */
    @Test
    void forLoop_keepsItsBoundsInFrameCellsAndInvalidatesTheControlVariable() {
        assertContains(compile("var i, j: integer;", "for i := 1 to 10 do j := i"), """
                ldci 1
                stri 0 -36
                ldci 10
                stri 0 -40
                lodi 0 -36
                sroi 12
                l 4
                :4
                ldoi 12
                lodi 0 -40
                leqi
                fjp l 5""");
    }

    @Test
    void caseStatement_jumpsThroughACheckedTable() {
        assertContains(compile("var c: char; i: integer;", "case c of 'a': i := 1; 'c', 'd': i := 2 end"), """
                chki 97 100
                ldci 97
                sbi
                xjp l 8
                l 8
                ujp l 6
                ujc
                ujp l 7
                ujp l 7""");
    }

    @Test
    void call_marksTheStackPushesArgumentsAndCountsTheirBytes() {
        String code = compile("""
                var x: integer;
                procedure p(var v: integer; w: integer; r: real); begin end;""", "p(x, 3, 4)");
        assertContains(code, """
                mst 0
                lao 8
                ldci 3
                ldci 4
                flt
                cup 16 l 2""");
        assertContains(code, """
                !@proc 2 2 p
                !@var 2 v -36 4 integer var
                !@var 2 w -40 4 integer val
                !@var 2 r -48 8 real val""");
    }

    @Test
    void functionResult_isStoredInTheMarkAndReturnedTyped() {
        String code = compile("""
                function f: integer; begin f := 1 end;
                function g: real; begin g := 1 end;
                function h: char; begin h := 'x' end;""", "");
        assertContains(code, "ldci 1\nstri 0 -4\nreti");
        assertContains(code, "ldci 1\nflt\nstrr 0 -8\nretr");
        assertContains(code, "ldcc 'x'\nchkc 0 255\nstrc 0 -4\nretc");
    }

    @Test
    void write_keepsTheFileUnderItsArgumentsWithDefaultWidths() {
        assertContains(compile("var i: integer;", "writeln('hello', i)"), """
                lca 5 'hello'
                lao 2
                swp 4
                ldci 5
                ldci 5
                csp wrs
                ldoi 8
                ldci 11
                csp wri
                csp wln
                dmp 4""");
    }

    @Test
    void setConstructor_foldsConstantMembersIntoOneConstant() {
        assertContains(compile("var s: set of 0..31; i: integer;", "s := [1, i, 3..5]"), """
                ldoi 40
                sgs
                ldcs( 1 3 4 5)
                uni
                chks 0 31
                sros 8""");
    }

    @Test
    void gotoOutOfARoutine_unwindsWithIpj() {
        assertContains(compile("label 9;\nprocedure p; begin goto 9 end;", "p;\n9: "), "ipj 1 l 2");
    }

    @Test
    void routineArgument_isPassedAsADescriptorAndCalledIndirectly() {
        String code = compile("""
                procedure q(k: integer); begin end;
                procedure apply(procedure f(k: integer)); begin f(1) end;""", "apply(q)");
        assertContains(code, """
                mst 0
                ldci 1
                lda 0 -40
                cip 4""");
        assertContains(code, """
                mst 0
                lpa 0 l 2
                cup 8 l 5""");
    }

    @Test
    void dereference_checksForNilAndUndefinedPointers() {
        assertContains(compile("var p: ^integer;", "p^ := 1"), """
                ldoa 8
                chka 1 2147483647
                ldci 1
                stoi""");
    }

    /** P5 places the fields of one record section from the last to the first: a is at 4. */
    @Test
    void withOnAComputedRecord_savesItsAddressInAFrameCell() {
        assertContains(compile("type r = record a, b: integer end; var p: ^r;", "with p^ do a := 1"), """
                ldoa 8
                chka 1 2147483647
                stra 0 -36
                loda 0 -36
                inca 4
                ldci 1
                stoi""");
    }

    @Test
    void structuredValueParameter_isCopiedOnEntry() {
        assertContains(compile("type v = array[1..5] of integer;\nprocedure p(a: v); begin end;", ""), """
                ents l 3
                ente l 4
                lda 0 -56
                loda 0 -36
                mov 20""");
    }

    @Test
    void readIntoAByte_goesThroughAWordCell() {
        assertContains(compile("var b: 0..200;", "read(b)"), """
                lao 8
                lao 0
                swp 4
                swp 4
                lda 0 -36
                ldci 0
                ldci 200
                csp rib
                swp 4
                lodi 0 -36
                stox
                dmp 4""");
    }

    @Test
    void frameAndStackSizes_areLabelValuesAfterTheBlock() {
        String code = compile("procedure p; var a: array[1..3] of real; begin a[1] := 2.5 end;", "");
        assertContains(code, """
                retp
                l 3=-56
                l 4=-12
                g 8""");
    }

    @Test
    void program_endsWithTheStartUpSegmentAndListsItsParametersInItsProcRecord() {
        CompileResult result = new PascalCompiler().compile("p.pas", """
                program copy(input, output, data);
                var data: text;
                begin end.
                """);
        String code = normalized(result.pcode());
        assertTrue(code.startsWith("!@source p.pas\n"), code);
        assertContains(code, "!@proc 1 1 copy input output data\n!@var 1 data 8 2 file local");
        assertTrue(code.endsWith("q\nmst 0\ncup 0 l 1\nstp\nf 0\nq"), code);
    }

    @Test
    void enumeration_isDescribedForTheDebugger() {
        String code = compile("type colour = (red, green, blue); var c: colour;", "c := blue");
        assertContains(code, "!@enum colour red green blue");
        assertContains(code, "!@var 1 c 8 1 colour local");
        assertContains(code, "ldci 2\nchkx 0 2\nsrox 8");
    }
}
