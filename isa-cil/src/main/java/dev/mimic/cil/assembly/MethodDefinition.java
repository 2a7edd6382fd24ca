package dev.mimic.cil.assembly;

import dev.mimic.cil.body.MethodBody;
import dev.mimic.cil.signature.MethodSig;

/**
 * A MethodDef row (ECMA-335 II.22.26) with its signature and, for IL methods with an RVA, its body;
 * {@code body} is null for abstract, runtime-provided and internal-call methods. Both are decoded on
 * first use (a program reaches few of mscorlib's 27,000 methods), by the assembly, which checks them
 * then as it would have at load.
 */
public final class MethodDefinition {
    /** MethodAttributes.Static (II.23.1.10). */
    public static final int STATIC = 0x0010;
    /** MethodImplAttributes.InternalCall (II.23.1.11): the runtime implements it. */
    public static final int INTERNAL_CALL = 0x1000;

    private final Assembly assembly;
    private final int row;
    private final int declaringType;
    private final int flags;
    private final int implFlags;
    private final String name;
    private MethodSig signature;
    private MethodBody body;
    private boolean bodyRead;

    MethodDefinition(Assembly assembly, int row, int declaringType, int flags, int implFlags, String name) {
        this.assembly = assembly;
        this.row = row;
        this.declaringType = declaringType;
        this.flags = flags;
        this.implFlags = implFlags;
        this.name = name;
    }

    public int row() {
        return row;
    }

    /** The TypeDef row that owns it. */
    public int declaringType() {
        return declaringType;
    }

    public int flags() {
        return flags;
    }

    public int implFlags() {
        return implFlags;
    }

    public String name() {
        return name;
    }

    public MethodSig signature() {
        if (signature == null) {
            signature = assembly.methodSignature(row);
        }
        return signature;
    }

    public MethodBody body() {
        if (!bodyRead) {
            body = assembly.methodBody(row, implFlags);
            bodyRead = true;
        }
        return body;
    }

    public boolean isStatic() {
        return (flags & STATIC) != 0;
    }

    public boolean isInternalCall() {
        return (implFlags & INTERNAL_CALL) != 0;
    }

    @Override
    public String toString() {
        return "MethodDef row " + row + " " + name;
    }
}
