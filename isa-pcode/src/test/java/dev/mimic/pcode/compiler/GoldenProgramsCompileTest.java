package dev.mimic.pcode.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every golden program compiles without errors into intermediate text that P5's loader accepts. */
class GoldenProgramsCompileTest {

    @TestFactory
    Stream<DynamicTest> goldenProgram_compilesToLoadableP5Code() {
        List<GoldenPrograms.Program> programs = GoldenPrograms.onClassPath().programs();
        assertTrue(programs.size() >= 40, "the golden corpus has " + programs.size() + " programs");
        return programs.stream().map(program -> DynamicTest.dynamicTest(program.name(), () -> {
            CompileResult result = new PascalCompiler().compile(program.source());
            assertEquals(List.of(), result.errors(), program.name());
            assertTrue(result.pcode().startsWith("!@source " + program.name() + ".pas\n"));
            assertEquals(List.of(), P5Format.problems(result.pcode()), program.name());
        }));
    }
}
