package dev.mimic.pcode.compiler.semantic;

import dev.mimic.pcode.compiler.types.PascalType;
import java.util.List;

/**
 * A declared procedure or function, or a procedural or functional parameter (ISO 7185 6.6).
 * A declared routine is entered through its entry label; a formal one through the descriptor
 * (entry address and static link) its caller stored at {@link #offset()} in the frame.
 */
public final class RoutineSymbol implements Symbol {
    private final String name;
    private final boolean function;
    private final int level;
    private final int entryLabel;
    private final int offset;
    private List<Symbol> parameters = List.of();
    private PascalType result;
    private boolean forward;
    private boolean resultAssigned;

    private RoutineSymbol(String name, boolean function, int level, int entryLabel, int offset) {
        this.name = name;
        this.function = function;
        this.level = level;
        this.entryLabel = entryLabel;
        this.offset = offset;
    }

    /** A routine declared at static level {@code level}; its block runs at level + 1. */
    public static RoutineSymbol declared(String name, boolean function, int level, int entryLabel) {
        return new RoutineSymbol(name, function, level, entryLabel, 0);
    }

    /** A procedural or functional parameter of a block at {@code level}, held at {@code offset}. */
    public static RoutineSymbol formal(String name, boolean function, int level, int offset) {
        return new RoutineSymbol(name, function, level, -1, offset);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return function ? "function" : "procedure";
    }

    public boolean isFunction() {
        return function;
    }

    public boolean isFormal() {
        return entryLabel < 0;
    }

    /** The static level the routine is declared at (pcom: pflev). */
    public int level() {
        return level;
    }

    /** The label of the routine's code entry: the operand of cup and lpa. */
    public int entryLabel() {
        return entryLabel;
    }

    /** For a formal routine, where its descriptor lives in the declaring frame. */
    public int offset() {
        return offset;
    }

    /** The formal parameters: {@link VariableSymbol}s and formal {@link RoutineSymbol}s. */
    public List<Symbol> parameters() {
        return parameters;
    }

    public void setParameters(List<Symbol> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    /** The result type of a function; null for a procedure. */
    public PascalType result() {
        return result;
    }

    public void setResult(PascalType result) {
        this.result = result;
    }

    /** Whether the routine was declared forward and its block is still to come. */
    public boolean isForward() {
        return forward;
    }

    public void setForward(boolean forward) {
        this.forward = forward;
    }

    /** Whether the function's block assigns its result somewhere (6.6.2). */
    public boolean isResultAssigned() {
        return resultAssigned;
    }

    public void markResultAssigned() {
        resultAssigned = true;
    }
}
