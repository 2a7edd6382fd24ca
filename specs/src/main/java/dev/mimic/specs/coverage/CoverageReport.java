package dev.mimic.specs.coverage;

import dev.mimic.specs.coverage.SpecCoverage.Row;
import dev.mimic.specs.model.Instruction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a {@link SpecCoverage} as a plain-text table: the spec's groups in file order, one line per
 * instruction (name, opcode or encoding, {@code IR} or {@code --}, {@code tested} or {@code --}), then
 * a totals line. Plain text so it reads the same in a terminal, a CI log and the REPL.
 */
public final class CoverageReport {

    private static final String UNGROUPED = "(no group)";

    private CoverageReport() {}

    public static String render(SpecCoverage coverage) {
        List<Row> rows = coverage.rows();
        int nameWidth = rows.stream().mapToInt(row -> row.instruction().name().length()).max().orElse(0);
        int codeWidth = rows.stream().mapToInt(row -> code(row.instruction()).length()).max().orElse(0);
        String line = "  %-" + nameWidth + "s  %-" + Math.max(codeWidth, 1) + "s  %-2s  %s%n";
        Map<String, List<Row>> groups = rows.stream().collect(Collectors.groupingBy(
                row -> row.instruction().group().orElse(UNGROUPED), LinkedHashMap::new, Collectors.toList()));
        StringBuilder out = new StringBuilder();
        coverage.spec().title().ifPresent(title -> out.append(coverage.spec().name()).append(": ").append(title).append("\n"));
        groups.forEach((group, members) -> {
            out.append(group).append('\n');
            members.forEach(row -> out.append(String.format(line, row.instruction().name(), code(row.instruction()),
                    row.hasSemantics() ? "IR" : "--", row.tested() ? "tested" : "--")));
        });
        if (!coverage.unknownTested().isEmpty()) {
            out.append("recorded as tested but not in the spec: ").append(String.join(", ", coverage.unknownTested())).append('\n');
        }
        return out.append(totals(coverage)).append('\n').toString();
    }

    /** The one-line summary, such as {@code p5: 212 instructions, 212 with IR semantics (100%), 180 tested (84%)}. */
    public static String totals(SpecCoverage coverage) {
        int total = coverage.rows().size();
        String tested = coverage.testsRun()
                ? coverage.tested() + " tested (" + percent(coverage.tested(), total) + ")"
                : "tests not run (no record at " + coverage.testedRecord() + ")";
        return coverage.spec().name() + ": " + total + " instructions, " + coverage.withSemantics()
                + " with IR semantics (" + percent(coverage.withSemantics(), total) + "), " + tested;
    }

    /** Rounded down, so that 100% means every instruction. */
    private static String percent(long part, int total) {
        return (total == 0 ? 0 : part * 100 / total) + "%";
    }

    private static String code(Instruction insn) {
        if (insn.encoding().isPresent()) {
            return insn.encoding().get();
        }
        return insn.opcode().isPresent() ? String.format("0x%02X", insn.opcode().getAsLong()) : "";
    }
}
