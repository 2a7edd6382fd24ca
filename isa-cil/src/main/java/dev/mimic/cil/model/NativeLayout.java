package dev.mimic.cil.model;

import java.util.List;

/**
 * How a value lies in unmanaged memory, as x86-64 mono lays it out: primitives at their natural
 * size, native ints, pointers and references 8 bytes, a struct's instance fields in declaration
 * order each at its own alignment (sequential layout, II.10.1.2), the struct padded to its widest
 * field. This is what {@code sizeof} answers (III.4.25) and where {@code ldobj}/{@code stobj}
 * through an unmanaged pointer find a struct's fields. Explicit layouts are laid out sequentially.
 */
public final class NativeLayout {
    private NativeLayout() {
    }

    /** The size in bytes of a value of {@code type}. */
    public static int size(RuntimeType type) {
        if (type.isObjectStruct()) {
            int[] offsets = offsets(type);
            List<FieldSlot> fields = type.instanceFields();
            int end = fields.isEmpty() ? 1 : offsets[fields.size() - 1] + size(fields.getLast().type());
            int align = alignment(type);
            return (end + align - 1) / align * align;
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

    /** The byte offset of each instance field of struct {@code type}, in {@link RuntimeType#instanceFields()} order. */
    public static int[] offsets(RuntimeType type) {
        List<FieldSlot> fields = type.instanceFields();
        int[] offsets = new int[fields.size()];
        int at = 0;
        for (int i = 0; i < offsets.length; i++) {
            int align = alignment(fields.get(i).type());
            at = (at + align - 1) / align * align;
            offsets[i] = at;
            at += size(fields.get(i).type());
        }
        return offsets;
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
