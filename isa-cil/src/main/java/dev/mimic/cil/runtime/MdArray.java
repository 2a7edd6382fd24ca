package dev.mimic.cil.runtime;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.ir.ArrayKind;
import dev.mimic.backend.ir.ManagedArrays;
import dev.mimic.backend.ir.ManagedObject;
import dev.mimic.cil.model.RuntimeType;

/**
 * A multi-dimensional array (II.14.2): its type, the length of each dimension and the elements
 * row-major in one flat JVM array of the element's kind. Its methods {@code Get}, {@code Set},
 * {@code Address} and the constructor are provided by the runtime, as the CLI says.
 */
public final class MdArray {
    private final RuntimeType type;
    private final int[] lengths;
    /** The elements, row-major; a JVM array as one-dimensional arrays use. */
    public final Object data;

    private MdArray(RuntimeType type, int[] lengths, Object data) {
        this.type = type;
        this.lengths = lengths;
        this.data = data;
    }

    public RuntimeType type() {
        return type;
    }

    public int rank() {
        return lengths.length;
    }

    public int length(int dimension) {
        return lengths[dimension];
    }

    public int totalLength() {
        return java.lang.reflect.Array.getLength(data);
    }

    /** {@code newobj T[,...]::.ctor(int32...)}; a negative length overflows (III.4.21). */
    public static Object create(ExecutionContext ctx, RuntimeType type, Object lengths, int kind) {
        int[] l = (int[]) lengths;
        long total = 1;
        for (int n : l) {
            if (n < 0) {
                throw ((CilRuntime) ctx.machine).exceptions().overflow();
            }
            total *= n;
        }
        if (total > Integer.MAX_VALUE) {
            throw ((CilRuntime) ctx.machine).exceptions().raise("OutOfMemoryException",
                    "Array dimensions exceeded supported range.");
        }
        Object data = ManagedArrays.create(ArrayKind.values()[kind], (int) total);
        if (type.element().isObjectStruct()) {
            Object[] cells = (Object[]) data;
            for (int i = 0; i < cells.length; i++) {
                cells[i] = type.element().newValue();
            }
        }
        return new MdArray(type, l, data);
    }

    /** The flat index of {@code indexes}, each checked against its dimension. */
    public static int index(ExecutionContext ctx, Object array, Object indexes) {
        if (!(array instanceof MdArray a)) {
            throw ((CilRuntime) ctx.machine).exceptions().nullReference();
        }
        int[] at = (int[]) indexes;
        int flat = 0;
        for (int d = 0; d < at.length; d++) {
            if (at[d] < 0 || at[d] >= a.lengths[d]) {
                throw ((CilRuntime) ctx.machine).exceptions().indexOutOfRange();
            }
            flat = flat * a.lengths[d] + at[d];
        }
        return flat;
    }

    /** The flat element array of a multi-dimensional array. */
    public static Object elements(Object array) {
        return ((MdArray) array).data;
    }

    /** {@code Address}: a pointer to the element (a struct element is its own pointer). */
    public static Object address(ExecutionContext ctx, Object array, Object indexes) {
        int flat = index(ctx, array, indexes);
        Object data = ((MdArray) array).data;
        if (data instanceof Object[] cells && cells[flat] instanceof ManagedObject o
                && ((CilRuntime) ctx.machine).typeOf(o).isValueType()) {
            return o;
        }
        return new ManagedPointer.Element(data, flat, NativeMemory.naturalWidth(data));
    }
}
