package dev.mimic.pcode.machine;

import dev.mimic.pcode.load.DebugInfo;
import dev.mimic.pcode.load.PcodeProgram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Procedure names and variables from the compiler's debug records, indexed for the debugger:
 * which procedure holds an address (P5 emits each procedure's code in one piece, so it is the
 * nearest entry at or below it), where a procedure starts, and the variables of a block.
 */
final class Symbols {
    private final PcodeProgram program;
    private final TreeMap<Integer, DebugInfo.Procedure> byEntry = new TreeMap<>();

    Symbols(PcodeProgram program) {
        this.program = program;
        for (DebugInfo.Procedure p : program.debug().procedures()) {
            byEntry.put(p.entry(), p);
        }
    }

    /** The procedure whose code holds {@code pc}. */
    Optional<DebugInfo.Procedure> procedureAt(long pc) {
        if (pc < 0 || pc >= program.codeEnd() || pc > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        Map.Entry<Integer, DebugInfo.Procedure> e = byEntry.floorEntry((int) pc);
        return Optional.ofNullable(e == null ? null : e.getValue());
    }

    /** A procedure by name, ignoring case as Pascal does. */
    Optional<DebugInfo.Procedure> procedure(String name) {
        return byEntry.values().stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The program block's record: the one whose entry the startup code calls. */
    Optional<DebugInfo.Procedure> programBlock() {
        return Optional.ofNullable(byEntry.get(program.programEntry()));
    }

    List<DebugInfo.Variable> variables(int block) {
        return program.debug().variables().stream().filter(v -> v.block() == block).toList();
    }

    /** {@code name+offset}, or just the name at a procedure's entry. */
    Optional<String> symbolize(long pc) {
        return procedureAt(pc).map(p -> pc == p.entry() ? p.name() : p.name() + "+" + (pc - p.entry()));
    }

    /** The label to show for an instruction address: a procedure's name at its entry. */
    String labelAt(long pc) {
        DebugInfo.Procedure p = pc >= 0 && pc <= Integer.MAX_VALUE ? byEntry.get((int) pc) : null;
        return p == null ? null : p.name();
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        for (DebugInfo.Procedure p : byEntry.values()) {
            names.add(p.name().toLowerCase(Locale.ROOT));
        }
        return names;
    }
}
