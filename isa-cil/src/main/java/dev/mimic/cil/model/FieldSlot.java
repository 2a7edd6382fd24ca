package dev.mimic.cil.model;

import dev.mimic.backend.ir.FieldRef;
import dev.mimic.cil.assembly.FieldDefinition;

/**
 * A field of a loaded type: its definition, its resolved type, and the cell that holds it, in the
 * instances (instance fields) or in the owner's statics object (static fields).
 */
public record FieldSlot(RuntimeType owner, FieldDefinition definition, RuntimeType type, FieldRef cell) {
    public boolean isStatic() {
        return definition.isStatic();
    }
}
