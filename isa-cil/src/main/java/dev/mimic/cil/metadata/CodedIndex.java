package dev.mimic.cil.metadata;

/**
 * The coded index kinds of ECMA-335 II.24.2.6: a tag in the low bits selects the table, the rest is
 * the row. Targets are table numbers ({@code -1} marks a tag the spec leaves unused), so this enum
 * and {@link Table} can refer to each other without class-initialisation order mattering.
 */
public enum CodedIndex {
    TYPE_DEF_OR_REF(0x02, 0x01, 0x1B),
    HAS_CONSTANT(0x04, 0x08, 0x17),
    HAS_CUSTOM_ATTRIBUTE(0x06, 0x04, 0x01, 0x02, 0x08, 0x09, 0x0A, 0x00, 0x0E, 0x17, 0x14, 0x11, 0x1A, 0x1B,
            0x20, 0x23, 0x26, 0x27, 0x28, 0x2A, 0x2C, 0x2B),
    HAS_FIELD_MARSHAL(0x04, 0x08),
    HAS_DECL_SECURITY(0x02, 0x06, 0x20),
    MEMBER_REF_PARENT(0x02, 0x01, 0x1A, 0x06, 0x1B),
    HAS_SEMANTICS(0x14, 0x17),
    METHOD_DEF_OR_REF(0x06, 0x0A),
    MEMBER_FORWARDED(0x04, 0x06),
    IMPLEMENTATION(0x26, 0x23, 0x27),
    CUSTOM_ATTRIBUTE_TYPE(-1, -1, 0x06, 0x0A, -1),
    RESOLUTION_SCOPE(0x00, 0x1A, 0x23, 0x01),
    TYPE_OR_METHOD_DEF(0x02, 0x06);

    private final int[] targets;
    private final int tagBits;

    CodedIndex(int... targets) {
        this.targets = targets;
        this.tagBits = 32 - Integer.numberOfLeadingZeros(targets.length - 1);
    }

    public int tagBits() {
        return tagBits;
    }

    /** The table number a tag selects, or {@code -1} when the tag is unused or out of range. */
    public int target(int tag) {
        return tag < targets.length ? targets[tag] : -1;
    }

    int[] targets() {
        return targets;
    }
}
