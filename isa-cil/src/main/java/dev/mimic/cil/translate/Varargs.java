package dev.mimic.cil.translate;

import dev.mimic.backend.ir.ArrayKind;
import dev.mimic.backend.ir.Temp;
import dev.mimic.cil.metadata.Table;
import dev.mimic.cil.metadata.Token;
import dev.mimic.cil.model.RuntimeType;
import dev.mimic.cil.signature.MethodSig;
import java.util.ArrayList;
import java.util.List;

/**
 * A call of a vararg method (II.15.3, C#'s {@code __arglist}): the arguments after the call site
 * signature's sentinel are popped and passed as one argument list handle, a
 * {@code RuntimeArgumentHandle} holding a typed reference to a copy of each, which the callee's
 * {@code arglist} pushes and {@code System.ArgIterator} walks.
 */
final class Varargs {
    private Varargs() {
    }

    /** Pops the call's extra arguments (none without a sentinel) and makes their handle. */
    static Temp argumentList(Translation t, Token method) {
        List<RuntimeType> extras = new ArrayList<>();
        if (method.table() == Table.MEMBER_REF && t.assembly.memberRefSignature(method.row()) instanceof MethodSig sig
                && sig.sentinel() >= 0) {
            for (var p : sig.parameters().subList(sig.sentinel(), sig.parameters().size())) {
                extras.add(t.types.resolve(t.assembly, p, t.context));
            }
        }
        Temp[] references = new Temp[extras.size()];
        for (int n = extras.size() - 1; n >= 0; n--) {
            RuntimeType type = extras.get(n);
            Temp value = Values.stored(t, t.pop(), type);
            Temp pointer = value;
            if (!type.isObjectStruct()) {
                Temp cell = Cells.create(t, type);
                Cells.store(t, cell, type, value);
                pointer = Pointers.element(t, cell, t.b.i32(0), type);
            }
            references[n] = t.op("makeTypedReference", pointer, t.b.constantRef(type));
        }
        Temp array = t.b.newArray(ArrayKind.REF, t.b.i32(references.length));
        for (int n = 0; n < references.length; n++) {
            t.b.arrayStore(ArrayKind.REF, array, t.b.i32(n), references[n]);
        }
        return t.op("argumentHandle", array);
    }
}
