package dev.mimic.pcode.load;

import java.util.List;
import java.util.Optional;

/**
 * What the compiler told the debugger in {@code !@} comment records (which P5's own pint skips):
 * the Pascal source file, each procedure's name, level and entry address, and the parameters and
 * locals of each block. Labels are already resolved to addresses.
 *
 * @param sourceFile the Pascal source the line markers refer to, from {@code !@source}
 */
public record DebugInfo(Optional<String> sourceFile, List<Procedure> procedures, List<Variable> variables) {
    public DebugInfo {
        procedures = List.copyOf(procedures);
        variables = List.copyOf(variables);
    }

    /**
     * A procedure, function or the program block ({@code !@proc}).
     *
     * @param entry      the code address of its entry label
     * @param parameters for the program block, the program parameters in header order (an optional
     *                   extension: names after the block name); empty otherwise
     */
    public record Procedure(String name, int level, int entryLabel, int entry, List<String> parameters) {
        public Procedure {
            parameters = List.copyOf(parameters);
        }
    }

    /** How a variable's cell holds its value. */
    public enum Kind {
        /** A value parameter. */
        VAL,
        /** A VAR parameter: the cell holds the variable's address. */
        VAR,
        LOCAL
    }

    /**
     * A parameter or local of a block ({@code !@var}).
     *
     * @param block  the entry address of the block it belongs to
     * @param offset from the block's frame pointer (mp), or from the globals base for the program
     * @param type   {@code integer real boolean char pointer set file array record} or an enum type name
     */
    public record Variable(int block, String name, int offset, int size, String type, Kind kind) {
    }
}
