package dev.mimic.cil.signature;

import dev.mimic.cil.metadata.Token;
import java.util.List;
import java.util.function.Function;

/**
 * A method signature (ECMA-335 II.23.2.1-3): calling convention, generic arity, return type and
 * parameters. For a vararg call site, {@code sentinel} is the index in {@code parameters} where the
 * extra arguments start; otherwise it is -1.
 */
public record MethodSig(int callingConvention, int genericParameterCount, TypeSig returnType,
        List<TypeSig> parameters, int sentinel) implements Signature {

    public static final int HAS_THIS = 0x20;
    public static final int EXPLICIT_THIS = 0x40;
    public static final int GENERIC = 0x10;
    /** The low four bits: DEFAULT 0, C 1, STDCALL 2, THISCALL 3, FASTCALL 4, VARARG 5. */
    public static final int KIND_MASK = 0x0F;
    public static final int VARARG = 0x05;

    public boolean hasThis() {
        return (callingConvention & HAS_THIS) != 0;
    }

    public boolean explicitThis() {
        return (callingConvention & EXPLICIT_THIS) != 0;
    }

    public boolean isVararg() {
        return (callingConvention & KIND_MASK) == VARARG;
    }

    /**
     * ILAsm-like text, {@code [instance] [vararg] R name(P, ..., V)}, with each type token written by
     * {@code names}; {@code name} may be empty and carries any generic arity or arguments.
     */
    public String render(Function<Token, String> names, String name) {
        StringBuilder s = new StringBuilder();
        if (hasThis()) {
            s.append("instance ");
        }
        if (isVararg()) {
            s.append("vararg ");
        }
        s.append(returnType.render(names));
        if (!name.isEmpty()) {
            s.append(' ').append(name);
        }
        s.append('(');
        for (int i = 0; i < parameters.size(); i++) {
            if (i > 0) {
                s.append(", ");
            }
            if (i == sentinel) {
                s.append("..., ");
            }
            s.append(parameters.get(i).render(names));
        }
        return s.append(')').toString();
    }

    @Override
    public String toString() {
        return render(Token::toString, genericParameterCount > 0 ? "<[" + genericParameterCount + "]>" : "");
    }
}
