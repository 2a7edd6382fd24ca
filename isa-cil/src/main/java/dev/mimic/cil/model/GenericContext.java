package dev.mimic.cil.model;

import java.util.List;

/**
 * What {@code !n} and {@code !!n} stand for while a signature is resolved (ECMA-335 II.9.4): the
 * type arguments of the enclosing type's instantiation and of the method's. Generics are reified,
 * so every instantiation resolves to its own types.
 */
public record GenericContext(List<RuntimeType> typeArguments, List<RuntimeType> methodArguments) {
    public static final GenericContext NONE = new GenericContext(List.of(), List.of());

    public GenericContext {
        typeArguments = List.copyOf(typeArguments);
        methodArguments = List.copyOf(methodArguments);
    }
}
