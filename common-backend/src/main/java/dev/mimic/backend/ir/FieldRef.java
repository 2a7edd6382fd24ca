package dev.mimic.backend.ir;

/**
 * A field of a {@link ManagedType}: its IR type and its cell index among the owner's primitive
 * cells (I32, I64, F64) or reference cells (REF).
 */
public record FieldRef(ManagedType owner, String name, Type type, int index) {
    public FieldRef {
        int limit = type == Type.REF ? owner.referenceFields() : owner.primitiveFields();
        if (index < 0 || index >= limit) {
            throw new IllegalArgumentException("field " + name + " index " + index + " outside " + owner.name());
        }
    }

    @Override
    public String toString() {
        return owner.name() + "::" + name;
    }
}
