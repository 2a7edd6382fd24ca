package dev.mimic.pcode.compiler.types;

/**
 * A pointer type (ISO 7185 6.4.4). The domain is set late when a forward-referenced type
 * identifier is resolved at the end of its type definition part. The type of {@code nil} is a
 * pointer with no domain, compatible with every pointer type.
 */
public final class PointerType extends PascalType {
    public static final PointerType NIL = new PointerType(null);

    private final String domainName;
    private PascalType domain;

    public PointerType(String domainName) {
        this.domainName = domainName;
    }

    /** The identifier the pointer type names as its domain. */
    public String domainName() {
        return domainName;
    }

    /** The domain type, or null for nil or while still unresolved. */
    public PascalType domain() {
        return domain;
    }

    public void resolve(PascalType type) {
        domain = type;
    }

    @Override
    public int size() {
        return Target.PTR_SIZE;
    }

    @Override
    public int alignment() {
        return Target.ADR_ALIGN;
    }

    @Override
    public String describe() {
        return domainName == null ? "nil" : "^" + domainName;
    }
}
