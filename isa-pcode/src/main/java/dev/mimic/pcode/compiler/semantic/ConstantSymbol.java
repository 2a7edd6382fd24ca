package dev.mimic.pcode.compiler.semantic;

import dev.mimic.pcode.compiler.types.PascalType;

/** A constant identifier: from a constant definition, an enumeration, or a required one. */
public record ConstantSymbol(String name, PascalType type, Constant value) implements Symbol {
    @Override
    public String kind() {
        return "constant";
    }
}
