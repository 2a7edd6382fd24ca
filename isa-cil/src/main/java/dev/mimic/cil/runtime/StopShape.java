package dev.mimic.cil.runtime;

import dev.mimic.backend.ir.Type;

import java.util.List;

/**
 * What a stop passes to its {@link Stepper}: the names ({@code arg0}, {@code loc1},
 * {@code stack0} at the bottom of the evaluation stack) and IR types of the values at one
 * instruction, in the order of the value arrays.
 */
public record StopShape(List<String> names, List<Type> types) {
    public StopShape {
        names = List.copyOf(names);
        types = List.copyOf(types);
    }
}
