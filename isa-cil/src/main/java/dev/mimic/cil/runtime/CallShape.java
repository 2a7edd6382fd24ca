package dev.mimic.cil.runtime;

import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import java.util.List;

/**
 * The region a call target shows its callers before its own code exists or when its code is not a
 * region (intrinsics, virtual dispatch): only its parameters and result type, which is all a
 * caller reads from it to build the callee's frame. Its body returns zero and never runs.
 */
final class CallShape {
    private CallShape() {
    }

    static Region of(String name, List<Type> parameters, Type result) {
        RegionBuilder b = new RegionBuilder(name, 0).called();
        for (Type t : parameters) {
            b.param(t);
        }
        if (result == null) {
            b.ret();
        } else {
            b.returns(result);
            Temp zero = result == Type.REF ? b.constantRef(null) : result == Type.I32 ? b.i32(0)
                    : result == Type.I64 ? b.i64(0) : b.f64(0);
            b.ret(zero);
        }
        return b.build();
    }
}
