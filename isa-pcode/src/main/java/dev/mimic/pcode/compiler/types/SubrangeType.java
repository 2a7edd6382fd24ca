package dev.mimic.pcode.compiler.types;

/** A subrange of an ordinal host type (ISO 7185 6.4.2.4); one byte when it fits 0..255. */
public final class SubrangeType extends OrdinalType {
    private final OrdinalType host;
    private final long min;
    private final long max;

    public SubrangeType(OrdinalType host, long min, long max) {
        this.host = host.host();
        this.min = min;
        this.max = max;
    }

    @Override
    public OrdinalType host() {
        return host;
    }

    @Override
    public long min() {
        return min;
    }

    @Override
    public long max() {
        return max;
    }

    @Override
    public int size() {
        return fitsByte() ? 1 : Target.INT_SIZE;
    }

    @Override
    public int alignment() {
        return host.alignment();
    }

    @Override
    public String describe() {
        return host instanceof CharType
                ? "'" + (char) min + "'..'" + (char) max + "'"
                : host instanceof EnumType e
                        ? e.constants().get((int) min) + ".." + e.constants().get((int) max)
                        : min + ".." + max;
    }
}
