package dev.mimic.pcode.compiler.types;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A record type (ISO 7185 6.4.3.3) with its fields already placed. All field identifiers of a
 * record, those of the variants included, are distinct, so one list serves every lookup.
 */
public final class RecordType extends PascalType {

    /**
     * A field and its byte offset in the record; names are kept in lower case.
     *
     * @param tag whether this is the tag field of a variant part
     */
    public record Field(String name, PascalType type, int offset, boolean tag) {
    }

    /**
     * The variant part of a field list (6.4.3.3). Its tag field, if it names one, is among the
     * record's fields; P5 reserves room for the tag even when it has no name.
     */
    public record VariantPart(OrdinalType tagType, List<Variant> variants) {

        /** The variant selected by the case constant {@code value}, if any. */
        public Optional<Variant> select(long value) {
            return variants.stream().filter(v -> v.labels().contains(value)).findFirst();
        }
    }

    /**
     * One variant.
     *
     * @param labels its case constants
     * @param nested the variant part of its own field list, or null
     * @param size bytes of a record holding this variant: what new(p, c) allocates (6.6.5.3)
     */
    public record Variant(List<Long> labels, VariantPart nested, int size) {
    }

    private final List<Field> fields;
    private final VariantPart variantPart;
    private final int size;
    private final boolean packed;

    /**
     * @param fields every field, fixed part first, tag fields included
     * @param variantPart the variant part, or null
     * @param size bytes through the largest variant (P5 does not pad a record to its alignment)
     */
    public RecordType(List<Field> fields, VariantPart variantPart, int size, boolean packed) {
        this.fields = List.copyOf(fields);
        this.variantPart = variantPart;
        this.size = size;
        this.packed = packed;
    }

    public List<Field> fields() {
        return fields;
    }

    /** The variant part, or null. */
    public VariantPart variantPart() {
        return variantPart;
    }

    /** The field named {@code name} (case-insensitively), if any. */
    public Optional<Field> field(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return fields.stream().filter(f -> f.name().equals(key)).findFirst();
    }

    @Override
    public boolean isPacked() {
        return packed;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int alignment() {
        return Target.RECORD_ALIGN;
    }

    @Override
    public String describe() {
        return (packed ? "packed " : "") + "record";
    }
}
