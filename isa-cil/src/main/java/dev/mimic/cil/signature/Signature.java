package dev.mimic.cil.signature;

import dev.mimic.cil.metadata.Token;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A decoded signature blob (ECMA-335 II.23.2). MemberRef and StandAloneSig rows hold one of several
 * kinds, told apart by the first byte, so they share this sealed type.
 */
public sealed interface Signature permits MethodSig, Signature.FieldSig, Signature.LocalVarSig,
        Signature.PropertySig, Signature.MethodSpecSig {

    /** A field's type (II.23.2.4). */
    record FieldSig(TypeSig type) implements Signature {
        @Override
        public String toString() {
            return type.render(Token::toString);
        }
    }

    /** A method's locals (II.23.2.6); pinned locals are {@link TypeSig.Pinned}. */
    record LocalVarSig(List<TypeSig> locals) implements Signature {
        @Override
        public String toString() {
            return locals.stream().map(t -> t.render(Token::toString)).collect(Collectors.joining(", ", "(", ")"));
        }
    }

    /** A property's type and indexer parameters (II.23.2.5). */
    record PropertySig(boolean hasThis, TypeSig type, List<TypeSig> parameters) implements Signature {
        @Override
        public String toString() {
            return (hasThis ? "instance " : "") + type.render(Token::toString) + parameters.stream()
                    .map(t -> t.render(Token::toString)).collect(Collectors.joining(", ", "(", ")"));
        }
    }

    /** The type arguments of a generic method instantiation (II.23.2.15). */
    record MethodSpecSig(List<TypeSig> arguments) implements Signature {
        @Override
        public String toString() {
            return arguments.stream().map(t -> t.render(Token::toString)).collect(Collectors.joining(", ", "<", ">"));
        }
    }
}
