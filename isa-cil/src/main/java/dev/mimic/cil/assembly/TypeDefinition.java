package dev.mimic.cil.assembly;

import dev.mimic.cil.metadata.Token;
import java.util.List;

/**
 * A TypeDef row (ECMA-335 II.22.37) with the fields and methods it owns through its lists, and its
 * enclosing type's row (0 when not nested, II.22.32).
 */
public record TypeDefinition(int row, int flags, String namespace, String name, Token baseType,
        int enclosingType, List<FieldDefinition> fields, List<MethodDefinition> methods) {

    /** The method named {@code name}; the first if overloaded. */
    public java.util.Optional<MethodDefinition> method(String name) {
        return methods.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
