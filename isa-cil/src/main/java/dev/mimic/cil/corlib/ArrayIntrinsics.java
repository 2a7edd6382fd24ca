package dev.mimic.cil.corlib;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.cil.assembly.Assembly;
import dev.mimic.cil.metadata.Table;
import dev.mimic.cil.model.FieldSlot;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Arrays as the runtime sees them: initialisation from a field's RVA data (what C# array
 * initialisers compile to), and the {@code System.Array} members that mono implements natively.
 * Guest arrays are JVM arrays, so these work on them directly.
 */
public final class ArrayIntrinsics {
    private ArrayIntrinsics() {
    }

    /** Fills {@code array} from the data of the field {@code handle} names (II.22.18 FieldRVA), little-endian. */
    @Intrinsic("System.Runtime.CompilerServices.RuntimeHelpers::InitializeArray(System.Array,System.RuntimeFieldHandle)")
    public static void initializeArray(ExecutionContext ctx, Object array, Object handle) {
        FieldSlot field = (FieldSlot) handle;
        Assembly a = field.owner().assembly();
        var md = a.metadata();
        int rva = -1;
        for (int r = 1; r <= md.rowCount(Table.FIELD_RVA); r++) {
            if (md.cell(Table.FIELD_RVA, r, 1) == field.definition().row()) {
                rva = md.cell(Table.FIELD_RVA, r, 0);
            }
        }
        if (rva < 0) {
            throw Text.rt(ctx).exceptions().raise("ArgumentException", "The field has no initial data.");
        }
        var reader = a.image().from("array initial data", rva);
        ByteBuffer data = ByteBuffer.wrap(reader.data(), reader.position(), reader.remaining())
                .order(ByteOrder.LITTLE_ENDIAN);
        switch (array) {
            case byte[] x -> data.get(x);
            case short[] x -> data.asShortBuffer().get(x);
            case int[] x -> data.asIntBuffer().get(x);
            case long[] x -> data.asLongBuffer().get(x);
            case double[] x -> data.asDoubleBuffer().get(x);
            default -> throw new IllegalStateException("array initial data for " + array.getClass().getSimpleName());
        }
    }

    @Intrinsic({"System.Array::Reverse(System.Array)", "System.Array::Reverse(!!0[])"})
    public static void reverse(ExecutionContext ctx, Object array) {
        if (array == null) {
            throw Text.rt(ctx).exceptions().raise("ArgumentNullException", "Value cannot be null.");
        }
        int n = java.lang.reflect.Array.getLength(array);
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            Object t = java.lang.reflect.Array.get(array, i);
            java.lang.reflect.Array.set(array, i, java.lang.reflect.Array.get(array, j));
            java.lang.reflect.Array.set(array, j, t);
        }
    }

    @Intrinsic("System.Array::get_Length()")
    public static int length(Object array) {
        return java.lang.reflect.Array.getLength(array);
    }

    /** typeof(T): a type handle is the loaded type itself, and so is the Type object made from it. */
    @Intrinsic("System.Type::GetTypeFromHandle(System.RuntimeTypeHandle)")
    public static Object typeFromHandle(Object handle) {
        return handle;
    }
}
