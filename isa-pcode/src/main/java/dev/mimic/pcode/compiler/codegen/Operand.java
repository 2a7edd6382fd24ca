package dev.mimic.pcode.compiler.codegen;

import dev.mimic.pcode.compiler.semantic.Constant;
import dev.mimic.pcode.compiler.types.ErrorType;
import dev.mimic.pcode.compiler.types.PascalType;

/**
 * What an expression or variable access has produced so far (pcom's attr): a constant not yet
 * loaded, a variable not yet loaded (so it can still be stored to, or its address taken), or a
 * value already on the stack. Deferring the load is what lets one piece of code compile
 * {@code a[i]} as a value, an assignment target or a var argument.
 */
public final class Operand {

    /** The three states of an operand. */
    public enum Kind {
        CONSTANT, VARIABLE, VALUE
    }

    private PascalType type;
    private Kind kind;
    private Constant constant;
    private boolean direct;
    private int level;
    private int offset;
    private boolean packed;
    private boolean packedComponent;
    private boolean tagField;

    private Operand(PascalType type, Kind kind) {
        this.type = type;
        this.kind = kind;
    }

    public static Operand constant(PascalType type, Constant value) {
        Operand o = new Operand(type, Kind.CONSTANT);
        o.constant = value;
        return o;
    }

    /** A variable at a fixed place: a global address (level 1) or a frame offset. */
    public static Operand direct(PascalType type, int level, int offset) {
        Operand o = new Operand(type, Kind.VARIABLE);
        o.direct = true;
        o.level = level;
        o.offset = offset;
        return o;
    }

    /** A variable {@code offset} bytes past the address on top of the stack. */
    public static Operand indirect(PascalType type, int offset) {
        Operand o = new Operand(type, Kind.VARIABLE);
        o.offset = offset;
        return o;
    }

    /** A value on top of the stack. */
    public static Operand value(PascalType type) {
        return new Operand(type, Kind.VALUE);
    }

    /** The operand of an erroneous expression; code for it is never used. */
    public static Operand error() {
        return value(ErrorType.INSTANCE);
    }

    public PascalType type() {
        return type;
    }

    public void setType(PascalType type) {
        this.type = type;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isConstant() {
        return kind == Kind.CONSTANT;
    }

    public boolean isVariable() {
        return kind == Kind.VARIABLE;
    }

    public Constant constant() {
        return constant;
    }

    /** Whether the variable sits at a fixed global address or frame offset. */
    public boolean isDirect() {
        return direct;
    }

    /** The static level of a direct variable. */
    public int level() {
        return level;
    }

    /** The address or frame offset of a direct variable, or the displacement of an indirect one. */
    public int offset() {
        return offset;
    }

    /** Moves the variable {@code bytes} further, for a field selection. */
    public void displace(int bytes) {
        offset += bytes;
    }

    /** Whether the variable is packed or lies within a packed structure. */
    public boolean isPacked() {
        return packed;
    }

    /** Whether the variable is a component of a packed structure: no var argument (6.6.3.3). */
    public boolean isPackedComponent() {
        return packedComponent;
    }

    /** Records that the variable is a component of a variable whose packing is {@code outer}. */
    public void componentOf(boolean outer) {
        packedComponent = outer;
        packed = outer || type.isPacked();
    }

    /** Marks a whole variable, packed when its type is. */
    public Operand whole() {
        packed = type.isPacked();
        return this;
    }

    /** Whether the variable is a variant tag field: no var argument either (6.6.3.3). */
    public boolean isTagField() {
        return tagField;
    }

    public void setTagField(boolean tagField) {
        this.tagField = tagField;
    }

    /** Turns the operand into a value on the stack (by {@link Emitter#load}). */
    void becomeValue(PascalType valueType) {
        kind = Kind.VALUE;
        type = valueType;
    }

    /** Turns the operand into the variable at the address on the stack. */
    void becomeAddressed() {
        kind = Kind.VARIABLE;
        direct = false;
        offset = 0;
    }
}
