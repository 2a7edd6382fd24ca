package dev.mimic.pcode.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mimic.pcode.Runs;
import dev.mimic.pcode.load.PcodeProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: every golden program compiled by Mimic's Pascal compiler and run on Mimic's
 * p-machine under the interpreter prints its {@code .out} exactly; a program that must stop with
 * a runtime error prints what comes before it, then the machine reports the error.
 */
class GoldenProgramsRunTest {
    /** Enough for the largest golden program by a wide margin; a runaway loop stops here. */
    private static final long MAX_STEPS = 200_000_000L;

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> goldenProgram_printsItsExpectedOutputOnThePMachine() {
        return GoldenPrograms.onClassPath().programs().stream()
                .map(program -> DynamicTest.dynamicTest(program.name(), () -> run(program)));
    }

    private void run(GoldenPrograms.Program program) throws Exception {
        CompileResult compiled = new PascalCompiler().compile(program.source());
        assertEquals(List.of(), compiled.errors());
        PcodeProgram code = PcodeProgram.parse(program.name() + ".pas", compiled.pcode());
        Path dir = Files.createDirectories(work.resolve(program.name()));
        List<Path> files = program.fileParameters().stream().map(f -> dir.resolve(f + ".dat")).toList();
        String stdin = program.input().map(GoldenPrograms::read).orElse("");
        Runs.Result result = Runs.run(code, Runs.interpreter(), stdin, files, MAX_STEPS);
        assertEquals(GoldenPrograms.read(program.expectedOutput()), result.stdout(), program.name());
        if (program.expectedError().isPresent()) {
            String error = program.expectedError().get();
            assertEquals(1, result.exit(), program.name() + " should stop with: " + error);
            assertTrue(result.stderr().toLowerCase(Locale.ROOT).contains(error),
                    () -> program.name() + ": expected '" + error + "' in: " + result.stderr());
        } else {
            assertEquals(0, result.exit(), () -> program.name() + ": " + result.stderr());
        }
    }
}
