package dev.mimic.cil.model;

import dev.mimic.cil.assembly.MethodDefinition;
import dev.mimic.cil.signature.MethodSig;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A method of a loaded type, for one instantiation of the type and of the method's own type
 * parameters: the unit that is translated into a region and called. Identity is by
 * (owner, definition, method arguments), which {@link TypeSystem} keeps unique.
 */
public final class RuntimeMethod {
    /** MethodAttributes (II.23.1.10). */
    static final int FINAL = 0x20, VIRTUAL = 0x40, NEW_SLOT = 0x100, ABSTRACT = 0x400;

    private final RuntimeType owner;
    private final MethodDefinition definition;
    private final List<RuntimeType> methodArguments;
    private final String key;
    private final String definitionKey;
    /** The slot in the owner's method table, or -1 for non-virtual methods; set while the table is built. */
    int slot = -1;
    /** The runtime's handle on the method's code; owned by whoever runs it. */
    private Object code;

    RuntimeMethod(RuntimeType owner, MethodDefinition definition, List<RuntimeType> methodArguments) {
        this.owner = owner;
        this.definition = definition;
        this.methodArguments = List.copyOf(methodArguments);
        String parameters = "(" + owner.system().parameterText(owner, definition) + ")";
        String ownerName = owner.typeArguments().isEmpty() ? owner.name()
                : owner.assembly().fullName(owner.assembly().type(owner.definition().row()));
        this.definitionKey = ownerName + "::" + definition.name() + parameters;
        this.key = owner.name() + "::" + definition.name()
                + (methodArguments.isEmpty() ? "" : methodArguments.stream().map(RuntimeType::name)
                        .collect(Collectors.joining(",", "<", ">")))
                + parameters;
    }

    public RuntimeType owner() {
        return owner;
    }

    public MethodDefinition definition() {
        return definition;
    }

    public String name() {
        return definition.name();
    }

    public MethodSig signature() {
        return definition.signature();
    }

    public List<RuntimeType> methodArguments() {
        return methodArguments;
    }

    /** What the method's signature and body mean by {@code !n} and {@code !!n}. */
    public GenericContext context() {
        return new GenericContext(owner.typeArguments(), methodArguments);
    }

    public boolean isStatic() {
        return definition.isStatic();
    }

    public boolean isVirtual() {
        return (definition.flags() & VIRTUAL) != 0;
    }

    public boolean isAbstract() {
        return (definition.flags() & ABSTRACT) != 0;
    }

    /** True when a virtual call may go to another method: virtual, not final, in a type that is not sealed. */
    public boolean dispatchesVirtually() {
        return isVirtual() && (definition.flags() & FINAL) == 0 && !owner.isSealed();
    }

    /** The types of the parameters, {@code this} excluded, as this instantiation sees them. */
    public List<RuntimeType> parameterTypes() {
        return signature().parameters().stream().map(p -> owner.system().resolve(owner.assembly(), p, context()))
                .toList();
    }

    /** The return type, or null for void. */
    public RuntimeType returnType() {
        var r = signature().returnType();
        return r == dev.mimic.cil.signature.TypeSig.Primitive.VOID ? null
                : owner.system().resolve(owner.assembly(), r, context());
    }

    /** The runtime's code handle, see {@link #setCode}. */
    public Object code() {
        return code;
    }

    /** Attaches the runtime's handle on this method's code (its call target). */
    public void setCode(Object code) {
        this.code = code;
    }

    /** {@code Namespace.Type::Name<method type arguments>(parameter types)}: this instantiation. */
    public String key() {
        return key;
    }

    /**
     * {@code Namespace.Type::Name(parameter types)} with a generic owner's name open
     * ({@code System.ByReference`1}) and type parameters written {@code !n} and {@code !!n}: the
     * same for every instantiation, and the key intrinsics are registered under.
     */
    public String definitionKey() {
        return definitionKey;
    }

    @Override
    public String toString() {
        return key;
    }
}
