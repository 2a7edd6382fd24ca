package dev.mimic.cil.translate;

import dev.mimic.backend.ir.ArrayKind;
import dev.mimic.backend.ir.Effect;
import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.cil.model.RuntimeType;
import dev.mimic.cil.runtime.MdArray;

/**
 * The runtime-provided methods of multi-dimensional array types (II.14.2): the constructor,
 * {@code Get}, {@code Set} and {@code Address}. Indexes are gathered into an int array, checked and
 * turned into a flat index by the runtime; the element access itself is an IR array op on the flat
 * elements, so the JIT sees an ordinary array.
 */
final class MdArrays {
    private MdArrays() {
    }

    private static Helper helper(String name) {
        return Helper.of(MdArray.class, name, Effect.values());
    }

    /** Pops {@code count} int32 indexes (last first) into a new int[]. */
    private static Temp indexes(Translation t, int count) {
        Temp array = t.b.newArray(ArrayKind.I32, t.b.i32(count));
        Temp[] values = new Temp[count];
        for (int n = count - 1; n >= 0; n--) {
            values[n] = Types.coerce(t, t.pop(), Type.I32);
        }
        for (int n = 0; n < count; n++) {
            t.b.arrayStore(ArrayKind.I32, array, t.b.i32(n), values[n]);
        }
        return array;
    }

    static void newobj(Translation t, RuntimeType type, int parameters) {
        if (parameters != type.rank()) {
            throw t.unsupported("arrays with lower bounds");
        }
        Temp lengths = indexes(t, parameters);
        ArrayKind kind = Types.elementKind(t, Types.elementName(type.element()));
        t.push(t.b.helper(helper("create"), t.b.constantRef(type), lengths, t.b.i32(kind.ordinal())));
    }

    static void call(Translation t, RuntimeType type, String name) {
        RuntimeType element = type.element();
        ArrayKind kind = Types.elementKind(t, Types.elementName(element));
        switch (name) {
            case "Get" -> {
                Temp at = indexes(t, type.rank());
                Temp array = t.pop();
                Temp flat = t.b.helper(helper("index"), array, at);
                Temp value = t.b.arrayLoad(kind, t.b.helper(helper("elements"), array), flat);
                t.push(Values.loaded(t, value, element));
            }
            case "Set" -> {
                Temp value = Values.stored(t, t.pop(), element);
                Temp at = indexes(t, type.rank());
                Temp array = t.pop();
                Temp flat = t.b.helper(helper("index"), array, at);
                t.b.arrayStore(kind, t.b.helper(helper("elements"), array), flat, value);
            }
            case "Address" -> {
                Temp at = indexes(t, type.rank());
                t.push(t.b.helper(helper("address"), t.pop(), at));
            }
            default -> throw t.unsupported("array method " + name);
        }
    }
}
