package dev.mimic.specs.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mimic.specs.coverage.SpecCoverage.Row;
import dev.mimic.specs.model.IsaSpec;
import dev.mimic.specs.parse.IsaSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecCoverageTest {

    private final IsaSpec sample = IsaSpecs.load("sample");
    private final ClassLoader loader = getClass().getClassLoader();

    @TempDir
    Path dir;

    private SpecCoverage coverage() throws IOException {
        return SpecCoverage.of(sample, loader, dir);
    }

    private static List<String> names(SpecCoverage coverage, Predicate<Row> which) {
        return coverage.rows().stream().filter(which).map(row -> row.instruction().name()).toList();
    }

    @Test
    void semantics_countsNonPrivateMethodsNamedLikeEmit() throws IOException {
        assertEquals(List.of("lodi", "0branch"), names(coverage(), Row::hasSemantics));
    }

    @Test
    void withoutATestedRecord_nothingIsTestedAndTheTotalsSayWhereTheRecordWouldBe() throws IOException {
        SpecCoverage coverage = coverage();
        assertFalse(coverage.testsRun());
        assertEquals(0, coverage.tested());
        assertEquals("sample: 5 instructions, 2 with IR semantics (40%), tests not run (no record at "
                + dir.resolve("sample.tested") + ")", CoverageReport.totals(coverage));
    }

    @Test
    void testedRecord_marksItsInstructionsAndListsNamesNotInTheSpec() throws IOException {
        Files.writeString(dir.resolve("sample.tested"), "add\nlodi\n\nretired\n");
        SpecCoverage coverage = coverage();
        assertTrue(coverage.testsRun());
        assertEquals(List.of("lodi", "add"), names(coverage, Row::tested));
        assertEquals(List.of("retired"), coverage.unknownTested());
    }

    @Test
    void report_groupsInstructionsAndEndsWithTotals() throws IOException {
        Files.writeString(dir.resolve("sample.tested"), "lodi\n0branch\nthrow\n");
        assertEquals("""
                sample: Sample machine
                Loads and stores
                  lodi      0x00   IR  tested
                  ldc.i4.0  0x16   --  --
                Control
                  0branch   0x10   IR  tested
                  throw     0x7A   --  tested
                (no group)
                  add       00 /r  --  --
                sample: 5 instructions, 2 with IR semantics (40%), 3 tested (60%)
                """, CoverageReport.render(coverage()));
    }

    @Test
    void specWithoutSemanticsClass_hasNoSemantics() throws IOException {
        IsaSpec bare = IsaSpecs.parse("t.isa", "isa t; instruction lod { opcode 1; }");
        assertEquals(0, SpecCoverage.of(bare, loader, dir).withSemantics());
    }

    @Test
    void semanticsClassNotVisible_isReportedWithItsName() {
        IsaSpec spec = IsaSpecs.parse("t.isa", "isa t; semantics no.such.Semantics;");
        var e = assertThrows(IllegalArgumentException.class, () -> SpecCoverage.of(spec, loader, dir));
        assertEquals("semantics class no.such.Semantics of isa t is not visible to the given class loader", e.getMessage());
    }
}
