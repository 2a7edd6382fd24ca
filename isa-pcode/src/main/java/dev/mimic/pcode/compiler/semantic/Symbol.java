package dev.mimic.pcode.compiler.semantic;

/** What an identifier denotes in a block (ISO 7185 6.2.2). Names are kept in lower case. */
public sealed interface Symbol
        permits ConstantSymbol, TypeSymbol, VariableSymbol, RoutineSymbol, StandardSymbol {

    String name();

    /** The kind of entity, as a user reads it in "x is not a ..." messages. */
    String kind();
}
