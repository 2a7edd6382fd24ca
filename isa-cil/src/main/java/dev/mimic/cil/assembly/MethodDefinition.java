package dev.mimic.cil.assembly;

import dev.mimic.cil.body.MethodBody;
import dev.mimic.cil.signature.MethodSig;

/**
 * A MethodDef row (ECMA-335 II.22.26) with its decoded signature and, for IL methods with an RVA,
 * its body; {@code body} is null for abstract, runtime-provided and internal-call methods.
 */
public record MethodDefinition(int row, int declaringType, int flags, int implFlags, String name,
        MethodSig signature, MethodBody body) {

    /** MethodAttributes.Static (II.23.1.10). */
    public static final int STATIC = 0x0010;
    /** MethodImplAttributes.InternalCall (II.23.1.11): the runtime implements it. */
    public static final int INTERNAL_CALL = 0x1000;

    public boolean isStatic() {
        return (flags & STATIC) != 0;
    }

    public boolean isInternalCall() {
        return (implFlags & INTERNAL_CALL) != 0;
    }
}
