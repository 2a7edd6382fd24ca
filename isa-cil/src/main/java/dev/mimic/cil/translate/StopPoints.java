package dev.mimic.cil.translate;

import dev.mimic.backend.ir.ArrayKind;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.cil.runtime.StopPoint;
import dev.mimic.cil.runtime.StopShape;

import java.util.ArrayList;
import java.util.List;

/**
 * The call of {@link StopPoint} before an instruction of a stepped method: the arguments, locals and
 * evaluation stack copied into a number array and a reference array, with their names and types.
 */
final class StopPoints {
    private StopPoints() {
    }

    static void emit(Translation t, long pc) {
        List<Temp> live = new ArrayList<>();
        List<String> names = new ArrayList<>();
        add(live, names, List.of(t.args), "arg");
        add(live, names, List.of(t.locals), "loc");
        add(live, names, t.stackFromBottom(), "stack");
        RegionBuilder b = t.b;
        Temp values = b.newArray(ArrayKind.I64, b.i32(live.size()));
        Temp refs = b.newArray(ArrayKind.REF, b.i32(live.size()));
        for (int i = 0; i < live.size(); i++) {
            Temp v = live.get(i);
            switch (v.type()) {
                case REF -> b.arrayStore(ArrayKind.REF, refs, b.i32(i), v);
                case I32 -> b.arrayStore(ArrayKind.I64, values, b.i32(i), b.convert(v, Type.I64));
                case I64 -> b.arrayStore(ArrayKind.I64, values, b.i32(i), v);
                case F64 -> b.arrayStore(ArrayKind.I64, values, b.i32(i), b.bitcast(v));
            }
        }
        StopShape shape = new StopShape(names, live.stream().map(Temp::type).toList());
        b.helper(StopPoint.HELPER, b.i64(pc), b.constantRef(shape), values, refs);
    }

    private static void add(List<Temp> live, List<String> names, List<Temp> temps, String prefix) {
        for (int i = 0; i < temps.size(); i++) {
            live.add(temps.get(i));
            names.add(prefix + i);
        }
    }
}
