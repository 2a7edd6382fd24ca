package dev.mimic.backend.ir;

import java.util.List;

/**
 * A managed guest class as the backend sees it: a name, a supertype chain for type tests and the
 * number of primitive and reference field cells its instances carry. Frontends (CLI, JVM) build
 * these from their metadata; the backend needs nothing more to allocate and test objects.
 */
public final class ManagedType {
    private final String name;
    private final ManagedType superType;
    private final List<ManagedType> interfaces;
    private final int primitiveFields;
    private final int referenceFields;

    public ManagedType(String name, ManagedType superType, List<ManagedType> interfaces,
                       int primitiveFields, int referenceFields) {
        this.name = name;
        this.superType = superType;
        this.interfaces = List.copyOf(interfaces);
        this.primitiveFields = primitiveFields;
        this.referenceFields = referenceFields;
    }

    public String name() {
        return name;
    }

    public int primitiveFields() {
        return primitiveFields;
    }

    public int referenceFields() {
        return referenceFields;
    }

    /** True when an instance of {@code other} may be used where this type is expected. */
    public boolean isAssignableFrom(ManagedType other) {
        for (ManagedType t = other; t != null; t = t.superType) {
            if (t == this) {
                return true;
            }
            for (ManagedType i : t.interfaces) {
                if (isAssignableFrom(i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when {@code value} is a managed object whose type is assignable to this one. */
    public boolean isInstance(Object value) {
        return value instanceof ManagedObject o && isAssignableFrom(o.type());
    }

    @Override
    public String toString() {
        return name;
    }
}
