package dev.mimic.pcode.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the golden outputs honest: every golden program is compiled with Free Pascal in ISO
 * mode ({@code fpc -Miso}) and run, and its output must equal the {@code .out} file. Where ISO
 * 7185 and P5 prescribe something Free Pascal does not do, the {@code .out} holds what Mimic
 * must print and the program is listed in {@link #DEVIATIONS} with how the comparison is
 * relaxed (README-pascal.md explains each). Skipped, with a message, only where fpc is not
 * installed; CI installs it.
 */
class FpcReferenceTest {

    /** How a program's expected output may differ from Free Pascal's. */
    enum Deviation {
        /**
         * Reals in floating-point form: ISO leaves the exponent's digits to the implementation;
         * P5 writes two ({@code 1.5e+00}) in 22 columns by default, Free Pascal three or four.
         * The values are compared, not their spelling.
         */
        REAL_FORMAT,
        /**
         * Booleans: ISO leaves their case to the implementation; P5 writes {@code True} and
         * {@code False}, Free Pascal {@code true} and {@code false}. Compared ignoring case.
         */
        BOOLEAN_CASE,
        /**
         * The program stops with a runtime error that ISO requires to be detected; Free Pascal
         * (compiled with -Cr) either stops too or goes on. What it prints first must match.
         */
        RUNTIME_ERROR,
        /** Free Pascal ignores the buffer variable of a text file in put(f); not compared. */
        FPC_TEXT_BUFFER
    }

    static final Map<String, Deviation> DEVIATIONS = Map.ofEntries(
            Map.entry("realformat", Deviation.REAL_FORMAT),
            Map.entry("arithmetic", Deviation.BOOLEAN_CASE),
            Map.entry("booleans", Deviation.BOOLEAN_CASE),
            Map.entry("chars", Deviation.BOOLEAN_CASE),
            Map.entry("charsets", Deviation.BOOLEAN_CASE),
            Map.entry("constants", Deviation.BOOLEAN_CASE),
            Map.entry("enums", Deviation.BOOLEAN_CASE),
            Map.entry("forward", Deviation.BOOLEAN_CASE),
            Map.entry("functions", Deviation.BOOLEAN_CASE),
            Map.entry("pointers", Deviation.BOOLEAN_CASE),
            Map.entry("reals", Deviation.BOOLEAN_CASE),
            Map.entry("records", Deviation.BOOLEAN_CASE),
            Map.entry("sets", Deviation.BOOLEAN_CASE),
            Map.entry("stdfuncs", Deviation.BOOLEAN_CASE),
            Map.entry("strings", Deviation.BOOLEAN_CASE),
            Map.entry("tree", Deviation.BOOLEAN_CASE),
            Map.entry("widths", Deviation.BOOLEAN_CASE),
            Map.entry("textbuffer", Deviation.FPC_TEXT_BUFFER),
            Map.entry("rangeerror", Deviation.RUNTIME_ERROR),
            Map.entry("indexerror", Deviation.RUNTIME_ERROR),
            Map.entry("divzero", Deviation.RUNTIME_ERROR),
            Map.entry("nilpointer", Deviation.RUNTIME_ERROR),
            Map.entry("caseerror", Deviation.RUNTIME_ERROR),
            Map.entry("seterror", Deviation.RUNTIME_ERROR),
            Map.entry("succerror", Deviation.RUNTIME_ERROR));

    private static final Pattern FLOATING = Pattern.compile("\\s*(-?\\d\\.\\d+e[-+]\\d+)");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> goldenOutput_matchesFreePascalInIsoMode() {
        assumeTrue(fpcInstalled(), "fpc is not installed: the golden outputs are not rechecked against Free Pascal");
        return GoldenPrograms.onClassPath().programs().stream()
                .map(program -> DynamicTest.dynamicTest(program.name(), () -> check(program)));
    }

    @Test
    void deviations_nameGoldenPrograms() {
        List<String> names = GoldenPrograms.onClassPath().programs().stream().map(GoldenPrograms.Program::name).toList();
        DEVIATIONS.forEach((name, deviation) -> {
            assertTrue(names.contains(name), name + " is listed as a deviation but is no golden program");
            boolean stops = GoldenPrograms.onClassPath().programs().stream()
                    .anyMatch(p -> p.name().equals(name) && p.expectedError().isPresent());
            assertEquals(deviation == Deviation.RUNTIME_ERROR, stops, name + ": .err file and deviation disagree");
        });
    }

    private void check(GoldenPrograms.Program program) throws IOException, InterruptedException {
        Deviation deviation = DEVIATIONS.get(program.name());
        assumeTrue(deviation != Deviation.FPC_TEXT_BUFFER, program.name() + ": " + deviation + ", not compared");
        Path dir = Files.createDirectories(work.resolve(program.name()));
        Path source = Files.copy(program.source(), dir.resolve(program.name() + ".pas"));
        List<String> compile = new ArrayList<>(List.of("fpc", "-Miso", "-o" + dir.resolve("prog")));
        if (deviation == Deviation.RUNTIME_ERROR) {
            compile.add("-Cr");
        }
        compile.add(source.toString());
        Process fpc = new ProcessBuilder(compile).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("fpc.log").toFile()).start();
        assertTrue(fpc.waitFor(120, TimeUnit.SECONDS) && fpc.exitValue() == 0,
                () -> "fpc failed on " + program.name() + ":\n" + GoldenPrograms.read(dir.resolve("fpc.log")));
        List<String> run = new ArrayList<>(List.of(dir.resolve("prog").toString()));
        for (String file : program.fileParameters()) {
            run.add(dir.resolve(file + ".dat").toString());
        }
        ProcessBuilder builder = new ProcessBuilder(run).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.redirectInput(program.input().map(Path::toFile).orElse(new File("/dev/null")));
        Process prog = builder.start();
        if (!prog.waitFor(20, TimeUnit.SECONDS)) {
            prog.destroyForcibly();
        }
        String actual = Files.readString(dir.resolve("stdout"), StandardCharsets.ISO_8859_1);
        String expected = GoldenPrograms.read(program.expectedOutput());
        if (deviation == null) {
            assertEquals(expected, actual, program.name());
        } else if (deviation == Deviation.REAL_FORMAT) {
            assertEquals(values(expected), values(actual), program.name());
        } else if (deviation == Deviation.BOOLEAN_CASE) {
            assertEquals(expected.toLowerCase(Locale.ROOT), actual.toLowerCase(Locale.ROOT), program.name());
        } else {
            assertTrue(actual.startsWith(expected),
                    () -> program.name() + ": fpc printed\n" + actual + "\nbut the output before the error is\n" + expected);
        }
    }

    /** The text with every real in floating-point form replaced by its value at 10 digits. */
    private static String values(String text) {
        Matcher m = FLOATING.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, " " + String.format(Locale.ROOT, "%.9e", Double.parseDouble(m.group(1))));
        }
        return m.appendTail(out).toString();
    }

    private static boolean fpcInstalled() {
        try {
            Process p = new ProcessBuilder("fpc", "-iV").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
