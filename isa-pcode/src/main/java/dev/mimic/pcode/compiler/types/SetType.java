package dev.mimic.pcode.compiler.types;

/**
 * A set type (ISO 7185 6.4.3.4): always 256 bits, as in P5. The type of a set constructor has
 * no declared packing and so matches packed and unpacked sets alike; its base is null for [].
 */
public final class SetType extends PascalType {
    private final OrdinalType base;
    private final boolean packed;
    private final boolean constructed;

    private SetType(OrdinalType base, boolean packed, boolean constructed) {
        this.base = base;
        this.packed = packed;
        this.constructed = constructed;
    }

    /** The type of a set type denoter. */
    public static SetType declared(OrdinalType base, boolean packed) {
        return new SetType(base, packed, false);
    }

    /** The type of a set constructor whose members have type {@code base}; null for []. */
    public static SetType constructed(OrdinalType base) {
        return new SetType(base, false, true);
    }

    /** The base type, or null for the empty set constructor (or an erroneous base). */
    public OrdinalType base() {
        return base;
    }

    /** Whether this is the type of a set constructor rather than of a set type denoter. */
    public boolean isConstructed() {
        return constructed;
    }

    @Override
    public boolean isPacked() {
        return packed;
    }

    @Override
    public int size() {
        return Target.SET_SIZE;
    }

    @Override
    public int alignment() {
        return Target.SET_ALIGN;
    }

    @Override
    public String describe() {
        return (packed ? "packed " : "") + "set of " + (base == null ? "?" : base.describe());
    }
}
