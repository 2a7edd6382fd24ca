package dev.mimic.pcode.compiler.semantic;

/** A required procedure or function (ISO 7185 6.6.5, 6.6.6, 6.9). */
public record StandardSymbol(String name, StandardRoutine routine) implements Symbol {
    @Override
    public String kind() {
        return routine.isFunction() ? "function" : "procedure";
    }
}
