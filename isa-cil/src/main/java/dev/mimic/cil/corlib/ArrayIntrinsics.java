package dev.mimic.cil.corlib;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.ir.ManagedObject;
import dev.mimic.cil.assembly.Assembly;
import dev.mimic.cil.metadata.Table;
import dev.mimic.cil.model.FieldSlot;
import dev.mimic.cil.runtime.MdArray;
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
        reverseRange(ctx, array, 0, java.lang.reflect.Array.getLength(array));
    }

    @Intrinsic({"System.Array::Reverse(System.Array,int32,int32)", "System.Array::Reverse(!!0[],int32,int32)"})
    public static void reverseRange(ExecutionContext ctx, Object array, int index, int length) {
        if (array == null) {
            throw Text.rt(ctx).exceptions().raise("ArgumentNullException", "Value cannot be null.");
        }
        if (index < 0 || length < 0 || index > java.lang.reflect.Array.getLength(array) - length) {
            throw Text.rt(ctx).exceptions().argumentOutOfRange("index");
        }
        for (int i = index, j = index + length - 1; i < j; i++, j--) {
            Object t = java.lang.reflect.Array.get(array, i);
            java.lang.reflect.Array.set(array, i, java.lang.reflect.Array.get(array, j));
            java.lang.reflect.Array.set(array, j, t);
        }
    }

    @Intrinsic("System.Array::get_Length()")
    public static int length(Object array) {
        return array instanceof MdArray a ? a.totalLength() : java.lang.reflect.Array.getLength(array);
    }

    /** typeof(T): a type handle is the loaded type itself, and so is the Type object made from it. */
    @Intrinsic("System.Type::GetTypeFromHandle(System.RuntimeTypeHandle)")
    public static Object typeFromHandle(Object handle) {
        return handle;
    }

    @Intrinsic("System.Array::GetRank()")
    public static int rank(Object array) {
        return array instanceof MdArray a ? a.rank() : 1;
    }

    @Intrinsic("System.Array::GetLength(int32)")
    public static int lengthOf(ExecutionContext ctx, Object array, int dimension) {
        if (dimension < 0 || dimension >= rank(array)) {
            throw Text.rt(ctx).exceptions().raise("IndexOutOfRangeException", "Index was outside the bounds of the array.");
        }
        return array instanceof MdArray a ? a.length(dimension) : java.lang.reflect.Array.getLength(array);
    }

    @Intrinsic("System.Array::GetLowerBound(int32)")
    public static int lowerBound(ExecutionContext ctx, Object array, int dimension) {
        lengthOf(ctx, array, dimension);
        return 0;
    }

    /** Array.Copy's unchecked core (mono's FastCopy): same element kinds, ranges already checked by the caller's CIL. */
    @Intrinsic("System.Array::FastCopy(System.Array,int32,System.Array,int32,int32)")
    public static int fastCopy(ExecutionContext ctx, Object source, int sourceIndex, Object dest, int destIndex,
            int length) {
        if (source.getClass() != dest.getClass()) {
            return 0;
        }
        System.arraycopy(source, sourceIndex, dest, destIndex, length);
        if (dest instanceof Object[] a) {
            for (int i = destIndex; i < destIndex + length; i++) {
                a[i] = dev.mimic.cil.runtime.ManagedOps.copy(ctx, a[i]);
            }
        }
        return 1;
    }

    @Intrinsic("System.Array::ClearInternal(System.Array,int32,int32)")
    public static void clear(ExecutionContext ctx, Object array, int index, int length) {
        switch (array) {
            case Object[] a -> {
                for (int i = index; i < index + length; i++) {
                    a[i] = a[i] instanceof ManagedObject o && Text.rt(ctx).typeOf(o).isValueType()
                            ? Text.rt(ctx).typeOf(o).newValue() : null;
                }
            }
            case byte[] a -> java.util.Arrays.fill(a, index, index + length, (byte) 0);
            case short[] a -> java.util.Arrays.fill(a, index, index + length, (short) 0);
            case int[] a -> java.util.Arrays.fill(a, index, index + length, 0);
            case long[] a -> java.util.Arrays.fill(a, index, index + length, 0L);
            case double[] a -> java.util.Arrays.fill(a, index, index + length, 0.0);
            default -> throw new IllegalStateException("not a guest array: " + array);
        }
    }

    /** Array.GetGenericValueImpl: element {@code index} copied to {@code value} (a struct is copied into the target). */
    @Intrinsic("System.Array::GetGenericValueImpl(int32,!!0&)")
    public static void getGenericValue(ExecutionContext ctx, Object array, int index, Object value) {
        index = dev.mimic.cil.runtime.ManagedOps.checkIndex(ctx, array, index);
        switch (array) {
            case Object[] a when value instanceof ManagedObject target ->
                    dev.mimic.cil.runtime.ManagedOps.assignStruct(ctx, target, a[index]);
            case Object[] a -> ((dev.mimic.cil.runtime.ManagedPointer) value).storeRef(a[index]);
            default -> ((dev.mimic.cil.runtime.ManagedPointer) value).store(
                    new dev.mimic.cil.runtime.ManagedPointer.Element(array, index, 8).load());
        }
    }

    /** Array.SetGenericValueImpl: {@code value} stored into element {@code index}. */
    @Intrinsic("System.Array::SetGenericValueImpl(int32,!!0&)")
    public static void setGenericValue(ExecutionContext ctx, Object array, int index, Object value) {
        index = dev.mimic.cil.runtime.ManagedOps.checkIndex(ctx, array, index);
        switch (array) {
            case Object[] a when value instanceof ManagedObject source ->
                    a[index] = dev.mimic.cil.runtime.ManagedOps.copy(ctx, source);
            case Object[] a -> a[index] = ((dev.mimic.cil.runtime.ManagedPointer) value).loadRef();
            default -> new dev.mimic.cil.runtime.ManagedPointer.Element(array, index, 8).store(
                    ((dev.mimic.cil.runtime.ManagedPointer) value).load());
        }
    }

    @Intrinsic({"System.RuntimeTypeHandle::GetElementType(System.RuntimeType)"})
    public static Object elementType(Object type) {
        return ((dev.mimic.cil.model.RuntimeType) type).element();
    }
}
