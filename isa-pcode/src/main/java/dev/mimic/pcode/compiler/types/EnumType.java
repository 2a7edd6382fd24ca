package dev.mimic.pcode.compiler.types;

import java.util.List;

/**
 * An enumerated type (ISO 7185 6.4.2.3). Like P5 it takes one byte when it has at most 256
 * constants, yet aligns like an integer (pcom: alignquot of a declared scalar).
 */
public final class EnumType extends OrdinalType {
    private final List<String> constants;
    private String name;

    public EnumType(List<String> constants) {
        this.constants = List.copyOf(constants);
    }

    /** The constants in ordinal order, as written. */
    public List<String> constants() {
        return constants;
    }

    /**
     * The type's name for debug records: the identifier of the first type definition that
     * names it, else the constant list in parentheses.
     */
    public String name() {
        return name != null ? name : "(" + String.join(",", constants) + ")";
    }

    /** Whether a type definition has named the type. */
    public boolean isNamed() {
        return name != null;
    }

    /** Records the identifier of the type definition that introduced the type. */
    public void nameOnce(String typeName) {
        if (name == null) {
            name = typeName;
        }
    }

    @Override
    public long min() {
        return 0;
    }

    @Override
    public long max() {
        return constants.size() - 1;
    }

    @Override
    public int size() {
        return fitsByte() ? 1 : Target.INT_SIZE;
    }

    @Override
    public int alignment() {
        return Target.INT_ALIGN;
    }

    @Override
    public String describe() {
        return name();
    }
}
