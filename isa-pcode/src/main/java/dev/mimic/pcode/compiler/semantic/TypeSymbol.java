package dev.mimic.pcode.compiler.semantic;

import dev.mimic.pcode.compiler.types.PascalType;

/** A type identifier (ISO 7185 6.4.1). */
public record TypeSymbol(String name, PascalType type) implements Symbol {
    @Override
    public String kind() {
        return "type";
    }
}
