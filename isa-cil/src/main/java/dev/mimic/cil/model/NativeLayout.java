package dev.mimic.cil.model;

import dev.mimic.cil.metadata.Table;
import java.util.List;

/**
 * How a value lies in unmanaged memory, as x86-64 mono lays it out: primitives at their natural
 * size, native ints, pointers and references 8 bytes, a struct's instance fields in declaration
 * order each at its own alignment (sequential layout, II.10.1.2), the struct padded to its widest
 * field. This is what {@code sizeof} answers (III.4.25) and where {@code ldobj}/{@code stobj}
 * through an unmanaged pointer find a struct's fields. Explicit layouts are laid out sequentially.
 */
public final class NativeLayout {
    /** TypeAttributes.LayoutMask and ExplicitLayout (II.23.1.15). */
    private static final int LAYOUT_MASK = 0x18;
    private static final int EXPLICIT_LAYOUT = 0x10;

    private NativeLayout() {
    }

    /** The size in bytes of a value of {@code type}. */
    public static int size(RuntimeType type) {
        if (type.isObjectStruct()) {
            int[] offsets = offsets(type);
            List<FieldSlot> fields = type.instanceFields();
            int end = fields.isEmpty() ? 1 : 0;
            for (int i = 0; i < offsets.length; i++) {
                end = Math.max(end, offsets[i] + size(fields.get(i).type()));
            }
            int align = alignment(type);
            return Math.max((end + align - 1) / align * align, type.rawBytes());
        }
        if (type.kind() == RuntimeType.Kind.ENUM) {
            return size(type.underlying());
        }
        if (type.definition() != null && type.assembly() == type.system().corlib() && type.namespace().equals("System")) {
            switch (type.simpleName()) {
                case "Boolean", "SByte", "Byte":
                    return 1;
                case "Char", "Int16", "UInt16":
                    return 2;
                case "Int32", "UInt32", "Single":
                    return 4;
                default:
                    break;
            }
        }
        return 8;
    }

    /**
     * The byte offset of each instance field of struct {@code type}, in {@link RuntimeType#instanceFields()}
     * order: the FieldLayout row's offset in an explicit layout (II.22.16), else the next aligned one.
     */
    public static int[] offsets(RuntimeType type) {
        List<FieldSlot> fields = type.instanceFields();
        int[] offsets = new int[fields.size()];
        boolean explicit = (type.definition().flags() & LAYOUT_MASK) == EXPLICIT_LAYOUT;
        int at = 0;
        for (int i = 0; i < offsets.length; i++) {
            if (explicit) {
                offsets[i] = explicitOffset(fields.get(i));
                continue;
            }
            int align = alignment(fields.get(i).type());
            at = (at + align - 1) / align * align;
            offsets[i] = at;
            at += size(fields.get(i).type());
        }
        return offsets;
    }

    /**
     * The fields of an explicit layout that lie inside {@code field}, which is wider than each and
     * overlaps them (Decimal's {@code ulomidLE} over {@code lo} and {@code mid}), with their byte
     * offsets inside it; empty for a field that overlaps nothing. Mimic keeps each field in a cell
     * of its own, so such a field is read and written as its parts.
     */
    public static List<Part> parts(FieldSlot field) {
        RuntimeType owner = field.owner();
        if (field.isStatic() || owner.definition() == null || (owner.definition().flags() & LAYOUT_MASK) != EXPLICIT_LAYOUT) {
            return List.of();
        }
        List<FieldSlot> fields = owner.instanceFields();
        int[] offsets = offsets(owner);
        int start = offsets[fields.indexOf(field)];
        int end = start + size(field.type());
        List<Part> parts = new java.util.ArrayList<>();
        for (int i = 0; i < offsets.length; i++) {
            FieldSlot other = fields.get(i);
            int width = size(other.type());
            if (other != field && offsets[i] >= start && offsets[i] + width <= end && width < end - start
                    && !other.type().isObjectStruct() && other.type().stackType() != dev.mimic.backend.ir.Type.REF) {
                parts.add(new Part(other, offsets[i] - start, width));
            }
        }
        return List.copyOf(parts);
    }

    /** A field lying inside a wider one, {@code offset} bytes into it. */
    public record Part(FieldSlot field, int offset, int width) {
    }

    private static int explicitOffset(FieldSlot field) {
        var md = field.owner().assembly().metadata();
        Table table = Table.FIELD_LAYOUT;
        for (int row = 1; row <= md.rowCount(table); row++) {
            if (md.cell(table, row, 1) == field.definition().row()) {
                return md.cell(table, row, 0);
            }
        }
        return 0;
    }

    /** The ClassSize of {@code type}'s ClassLayout row (II.22.8), 0 when it has none. */
    static int declaredSize(RuntimeType type) {
        if (type.definition() == null) {
            return 0;
        }
        var md = type.assembly().metadata();
        Table table = Table.CLASS_LAYOUT;
        for (int row = 1; row <= md.rowCount(table); row++) {
            if (md.cell(table, row, 2) == type.definition().row()) {
                return md.cell(table, row, 1);
            }
        }
        return 0;
    }

    private static int alignment(RuntimeType type) {
        if (!type.isObjectStruct()) {
            return size(type);
        }
        int align = 1;
        for (FieldSlot f : type.instanceFields()) {
            align = Math.max(align, alignment(f.type()));
        }
        return align;
    }
}
