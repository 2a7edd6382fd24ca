package dev.mimic.pcode.compiler.semantic;

import dev.mimic.pcode.compiler.types.PascalType;

/**
 * A variable, value parameter or variable parameter, with its place in a frame: globals
 * (level 1) live at fixed addresses, the rest at negative offsets from their block's frame.
 * A variable parameter's cell holds the address of the actual variable.
 */
public final class VariableSymbol implements Symbol {

    /** How the variable came to be, which decides how it is accessed. */
    public enum Kind {
        LOCAL, VALUE_PARAMETER, VARIABLE_PARAMETER
    }

    private final String name;
    private final PascalType type;
    private final int level;
    private final int offset;
    private final int slot;
    private final Kind kind;
    private boolean threatened;
    private int activeForLoops;

    /** A variable declared in a variable declaration part. */
    public VariableSymbol(String name, PascalType type, int level, int offset) {
        this(name, type, level, offset, offset, Kind.LOCAL);
    }

    /**
     * A parameter whose argument the caller leaves at {@code slot}; a value parameter of a
     * structured type is copied from there to {@code offset} when the block is entered.
     */
    public VariableSymbol(String name, PascalType type, int level, int offset, int slot, Kind kind) {
        this.name = name;
        this.type = type;
        this.level = level;
        this.offset = offset;
        this.slot = slot;
        this.kind = kind;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "variable";
    }

    public PascalType type() {
        return type;
    }

    /** The static level of the block that declares it (1 for globals). */
    public int level() {
        return level;
    }

    /** The global address, or the offset from the frame pointer. */
    public int offset() {
        return offset;
    }

    /** Where the caller leaves a parameter's argument (the address, for a structured value). */
    public int slot() {
        return slot;
    }

    public Kind variableKind() {
        return kind;
    }

    /**
     * Whether a nested routine assigns the variable, which bars it as a for-control variable
     * (ISO 7185 6.8.3.9: a threatening statement).
     */
    public boolean isThreatened() {
        return threatened;
    }

    public void threaten() {
        threatened = true;
    }

    /** Whether a for statement controlled by this variable is being compiled. */
    public boolean isControllingLoop() {
        return activeForLoops > 0;
    }

    public void enterLoop() {
        activeForLoops++;
    }

    public void leaveLoop() {
        activeForLoops--;
    }
}
