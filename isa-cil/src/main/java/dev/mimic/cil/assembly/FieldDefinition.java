package dev.mimic.cil.assembly;

import dev.mimic.cil.signature.TypeSig;

/** A Field row (ECMA-335 II.22.15) with its decoded type and the TypeDef row that owns it. */
public record FieldDefinition(int row, int declaringType, int flags, String name, TypeSig type) {

    /** FieldAttributes.Static (II.23.1.5). */
    public static final int STATIC = 0x0010;

    public boolean isStatic() {
        return (flags & STATIC) != 0;
    }
}
