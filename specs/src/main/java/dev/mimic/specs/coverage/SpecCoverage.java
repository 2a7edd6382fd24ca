package dev.mimic.specs.coverage;

import dev.mimic.specs.model.Instruction;
import dev.mimic.specs.model.IsaSpec;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How much of an ISA a machine implements and tests: per instruction, whether the spec's semantics class
 * has its {@code emit} method and whether a test run decoded it (see {@link DecodeRecorder}). This is the
 * measure of a frontend's progress that the spec file makes possible; {@link CoverageReport} renders it.
 *
 * @param spec          the ISA
 * @param rows          one row per instruction, in spec order
 * @param testedRecord  the tested record read (or looked for)
 * @param testsRun      whether the tested record exists
 * @param unknownTested names in the tested record that the spec does not define, sorted: a decoder
 *                      recording names the spec does not use
 */
public record SpecCoverage(IsaSpec spec, List<Row> rows, Path testedRecord, boolean testsRun,
                           List<String> unknownTested) {

    /** The coverage of one instruction. */
    public record Row(Instruction instruction, boolean hasSemantics, boolean tested) {}

    public SpecCoverage {
        rows = List.copyOf(rows);
        unknownTested = List.copyOf(unknownTested);
    }

    /**
     * Computes the coverage of {@code spec}. An instruction has IR semantics when the semantics class
     * declares a non-private method named like its {@code emit} (any signature, static or instance); the
     * class is loaded, not initialised, through {@code semanticsLoader}, normally the machine module's.
     *
     * @param coverageDir the directory a test run recorded into, such as {@code isa-pcode/target/spec-coverage}
     * @throws IllegalArgumentException if the semantics class is not visible to {@code semanticsLoader}
     * @throws IOException              if the tested record exists but cannot be read
     */
    public static SpecCoverage of(IsaSpec spec, ClassLoader semanticsLoader, Path coverageDir) throws IOException {
        Set<String> methods = semanticMethods(spec, semanticsLoader);
        Path record = DecodeRecorder.testedRecord(coverageDir, spec.name());
        boolean testsRun = Files.exists(record);
        Set<String> tested = testsRun
                ? Files.readAllLines(record).stream().filter(line -> !line.isBlank()).collect(Collectors.toSet())
                : Set.of();
        List<Row> rows = spec.instructions().stream()
                .map(insn -> new Row(insn, methods.contains(insn.emit()), tested.contains(insn.name())))
                .toList();
        List<String> unknown = tested.stream().filter(name -> spec.instruction(name).isEmpty()).sorted().toList();
        return new SpecCoverage(spec, rows, record, testsRun, unknown);
    }

    public long withSemantics() {
        return rows.stream().filter(Row::hasSemantics).count();
    }

    public long tested() {
        return rows.stream().filter(Row::tested).count();
    }

    private static Set<String> semanticMethods(IsaSpec spec, ClassLoader loader) {
        if (spec.semanticsClass().isEmpty()) {
            return Set.of();
        }
        String name = spec.semanticsClass().get();
        try {
            return Arrays.stream(Class.forName(name, false, loader).getDeclaredMethods())
                    .filter(m -> !Modifier.isPrivate(m.getModifiers()) && !m.isSynthetic())
                    .map(Method::getName)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("semantics class " + name + " of isa " + spec.name()
                    + " is not visible to the given class loader", e);
        }
    }
}
