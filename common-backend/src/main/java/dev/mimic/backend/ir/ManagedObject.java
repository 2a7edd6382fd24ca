package dev.mimic.backend.ir;

/**
 * An instance of a {@link ManagedType}: primitive fields in a {@code long[]} (doubles as raw bits),
 * references in an {@code Object[]}. A plain JVM object, so the host GC manages guest heaps.
 */
public final class ManagedObject {
    private final ManagedType type;
    /** Primitive field cells; public so generated code reaches them without a call. */
    public final long[] primitives;
    /** Reference field cells. */
    public final Object[] references;

    public ManagedObject(ManagedType type) {
        this.type = type;
        this.primitives = new long[type.primitiveFields()];
        this.references = new Object[type.referenceFields()];
    }

    public ManagedType type() {
        return type;
    }

    @Override
    public String toString() {
        return type.name() + "@" + Integer.toHexString(System.identityHashCode(this));
    }
}
