package dev.mimic.cil.model;

import dev.mimic.backend.ir.ManagedType;
import dev.mimic.cil.assembly.Assembly;
import dev.mimic.cil.assembly.AssemblyName;
import dev.mimic.cil.assembly.AssemblyResolver;
import dev.mimic.cil.assembly.FieldDefinition;
import dev.mimic.cil.assembly.MethodDefinition;
import dev.mimic.cil.assembly.TypeDefinition;
import dev.mimic.cil.metadata.Table;
import dev.mimic.cil.metadata.Token;
import dev.mimic.cil.signature.MethodSig;
import dev.mimic.cil.signature.TypeSig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The loaded types of one program and the class library it runs on: resolves type, method and
 * field tokens of any loaded assembly (II.22.38 TypeRef scopes, II.22.25 MemberRef parents,
 * II.22.29 MethodSpec instantiations) to unique {@link RuntimeType}s and {@link RuntimeMethod}s,
 * loading referenced assemblies through the {@link AssemblyResolver} on first use.
 */
public final class TypeSystem {
    private final AssemblyResolver resolver;
    private final Assembly corlib;
    private final Map<List<Object>, RuntimeType> types = new HashMap<>();
    private final Map<List<Object>, RuntimeMethod> methods = new HashMap<>();
    private final Map<ManagedType, RuntimeType> byManaged = new IdentityHashMap<>();
    private final Map<Assembly, Map<Integer, List<Token>>> interfaceRows = new IdentityHashMap<>();
    private final Map<Assembly, Map<Integer, List<int[]>>> implRows = new IdentityHashMap<>();
    private final Map<Assembly, Map<Token, Integer>> genericArity = new IdentityHashMap<>();

    /** A MethodImpl row resolved: {@code body} implements {@code declaration} (II.22.27). */
    public record MethodImpl(RuntimeMethod declaration, RuntimeMethod body) {
    }

    public TypeSystem(AssemblyResolver resolver, Assembly program) throws IOException {
        this.resolver = resolver;
        AssemblyName mscorlib = program.references().stream().filter(r -> r.name().equals("mscorlib")).findFirst()
                .orElse(new AssemblyName("mscorlib", 4, 0, 0, 0, "", new byte[0]));
        this.corlib = program.name().map(n -> n.name().equals("mscorlib")).orElse(false) ? program
                : resolver.resolve(mscorlib, program.file());
    }

    /** The class library: mono's mscorlib. */
    public Assembly corlib() {
        return corlib;
    }

    /** The class library's type {@code namespace.name}. */
    public RuntimeType corlibType(String namespace, String name) {
        TypeDefinition def = corlib.findType(namespace, name)
                .orElseThrow(() -> new IllegalStateException(corlib.file() + " has no type " + namespace + "." + name));
        return type(corlib, def.row(), List.of());
    }

    /** The type of TypeDef {@code row} of {@code assembly} instantiated with {@code arguments}. */
    public RuntimeType type(Assembly assembly, int row, List<RuntimeType> arguments) {
        return types.computeIfAbsent(List.of(assembly, row, arguments),
                k -> new RuntimeType(this, assembly, assembly.type(row), arguments));
    }

    /** {@code element[]} (rank 1) or {@code element[,...]}. */
    public RuntimeType arrayOf(RuntimeType element, int rank) {
        return types.computeIfAbsent(List.of(RuntimeType.Kind.ARRAY, element, rank),
                k -> new RuntimeType(this, RuntimeType.Kind.ARRAY, element, rank));
    }

    /** {@code element&}, the type of a managed pointer (the {@code this} of a value type's methods). */
    public RuntimeType byRef(RuntimeType element) {
        return derived(RuntimeType.Kind.BYREF, element);
    }

    private RuntimeType derived(RuntimeType.Kind kind, RuntimeType element) {
        return types.computeIfAbsent(List.of(kind, element, 0), k -> new RuntimeType(this, kind, element, 0));
    }

    /** The type a TypeDef, TypeRef or TypeSpec token names. */
    public RuntimeType resolve(Assembly scope, Token token, GenericContext context) {
        return switch (token.table()) {
            case TYPE_DEF -> type(scope, token.row(), arityOf(scope, token) == 0 ? List.of() : context.typeArguments());
            case TYPE_REF -> typeRef(scope, token.row());
            case TYPE_SPEC -> resolve(scope, scope.typeSpec(token.row()), context);
            default -> throw new IllegalStateException(scope.file() + ": " + token + " is not a type");
        };
    }

    /** The type a signature names, its type parameters replaced from {@code context}. */
    public RuntimeType resolve(Assembly scope, TypeSig sig, GenericContext context) {
        return switch (sig) {
            case TypeSig.Primitive p -> corlibType("System", switch (p) {
                case VOID -> "Void";
                case BOOLEAN -> "Boolean";
                case CHAR -> "Char";
                case I1 -> "SByte";
                case U1 -> "Byte";
                case I2 -> "Int16";
                case U2 -> "UInt16";
                case I4 -> "Int32";
                case U4 -> "UInt32";
                case I8 -> "Int64";
                case U8 -> "UInt64";
                case R4 -> "Single";
                case R8 -> "Double";
                case STRING -> "String";
                case TYPED_BYREF -> "TypedReference";
                case I -> "IntPtr";
                case U -> "UIntPtr";
                case OBJECT -> "Object";
            });
            case TypeSig.Named n -> resolve(scope, n.type(), context);
            case TypeSig.SzArray a -> arrayOf(resolve(scope, a.element(), context), 1);
            case TypeSig.MdArray a -> arrayOf(resolve(scope, a.element(), context), a.rank());
            case TypeSig.ByRef r -> derived(RuntimeType.Kind.BYREF, resolve(scope, r.target(), context));
            case TypeSig.Pointer p -> derived(RuntimeType.Kind.POINTER, resolve(scope, p.target(), context));
            case TypeSig.Modified m -> resolve(scope, m.type(), context);
            case TypeSig.Pinned p -> resolve(scope, p.type(), context);
            case TypeSig.GenericInst g -> {
                RuntimeType open = resolve(scope, g.type(), GenericContext.NONE);
                List<RuntimeType> args = g.arguments().stream().map(a -> resolve(scope, a, context)).toList();
                yield type(open.assembly(), open.definition().row(), args);
            }
            case TypeSig.GenericParam p -> {
                List<RuntimeType> args = p.ofMethod() ? context.methodArguments() : context.typeArguments();
                if (p.number() >= args.size()) {
                    throw new IllegalStateException(scope.file() + ": type parameter " + sig.render(Object::toString)
                            + " outside its context");
                }
                yield args.get(p.number());
            }
            case TypeSig.FunctionPointer f -> corlibType("System", "IntPtr");
        };
    }

    private RuntimeType typeRef(Assembly scope, int row) {
        var md = scope.metadata();
        String name = md.string(Table.TYPE_REF, row, 1);
        String namespace = md.string(Table.TYPE_REF, row, 2);
        Token parent = md.token(Table.TYPE_REF, row, 0);
        if (parent != null && parent.table() == Table.TYPE_REF) {
            RuntimeType outer = typeRef(scope, parent.row());
            for (TypeDefinition t : outer.assembly().types()) {
                if (t.enclosingType() == outer.definition().row() && t.name().equals(name)) {
                    return type(outer.assembly(), t.row(), List.of());
                }
            }
            throw new IllegalStateException(scope.file() + ": no nested type " + name + " in " + outer);
        }
        Assembly target = scope;
        if (parent != null && parent.table() == Table.ASSEMBLY_REF) {
            try {
                target = resolver.resolve(scope.references().get(parent.row() - 1), scope.file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Assembly in = target;
        TypeDefinition def = in.findType(namespace, name).orElseThrow(() -> new IllegalStateException(
                in.file() + " has no type " + (namespace.isEmpty() ? name : namespace + "." + name)));
        return type(in, def.row(), List.of());
    }

    /** The number of generic parameters of a TypeDef or MethodDef (II.22.20). */
    int arityOf(Assembly scope, Token owner) {
        Map<Token, Integer> arity = genericArity.computeIfAbsent(scope, a -> {
            Map<Token, Integer> out = new HashMap<>();
            for (int r = 1; r <= a.metadata().rowCount(Table.GENERIC_PARAM); r++) {
                out.merge(a.metadata().token(Table.GENERIC_PARAM, r, 2), 1, Integer::sum);
            }
            return out;
        });
        return arity.getOrDefault(owner, 0);
    }

    /** The method of {@code owner} defined by {@code definition}, with {@code arguments} for its own type parameters. */
    public RuntimeMethod method(RuntimeType owner, MethodDefinition definition, List<RuntimeType> arguments) {
        return methods.computeIfAbsent(List.of(owner, definition.row(), arguments),
                k -> new RuntimeMethod(owner, definition, arguments));
    }

    /** The method a MethodDef, MemberRef or MethodSpec token names, in the caller's {@code context}. */
    public RuntimeMethod resolveMethod(Assembly scope, Token token, GenericContext context) {
        var md = scope.metadata();
        return switch (token.table()) {
            case METHOD_DEF -> {
                MethodDefinition def = scope.method(token.row());
                Token ownerToken = new Token(Table.TYPE_DEF, def.declaringType());
                yield method(resolve(scope, ownerToken, context), def, List.of());
            }
            case MEMBER_REF -> {
                Token parent = md.token(Table.MEMBER_REF, token.row(), 0);
                String name = md.string(Table.MEMBER_REF, token.row(), 1);
                if (!(scope.memberRefSignature(token.row()) instanceof MethodSig sig)) {
                    throw new IllegalStateException(scope.file() + ": " + token + " is a field, not a method");
                }
                if (parent.table() == Table.METHOD_DEF) {
                    yield resolveMethod(scope, parent, context);
                }
                RuntimeType owner = resolve(scope, parent, context);
                if (owner.kind() == RuntimeType.Kind.ARRAY) {
                    throw new IllegalStateException("%s: %s::%s: methods of multi-dimensional arrays are not supported yet"
                            .formatted(scope.file(), owner, name));
                }
                String wanted = signatureText(scope, sig);
                for (RuntimeType t = owner; t != null; t = t.base()) {
                    for (MethodDefinition def : t.definition().methods()) {
                        if (def.name().equals(name) && signatureText(t.assembly(), def.signature()).equals(wanted)) {
                            yield method(t, def, List.of());
                        }
                    }
                }
                throw new IllegalStateException("%s: no method %s::%s%s".formatted(scope.file(), owner, name, wanted));
            }
            case METHOD_SPEC -> {
                Token generic = md.token(Table.METHOD_SPEC, token.row(), 0);
                RuntimeMethod open = resolveMethod(scope, generic, context);
                List<RuntimeType> args = scope.methodSpec(token.row()).arguments().stream()
                        .map(a -> resolve(scope, a, context)).toList();
                yield method(open.owner(), open.definition(), args);
            }
            default -> throw new IllegalStateException(scope.file() + ": " + token + " is not a method");
        };
    }

    /** The array type a MemberRef's parent names (its methods are the runtime's, II.14.2), or null. */
    public RuntimeType arrayMethodOwner(Assembly scope, Token token, GenericContext context) {
        if (token.table() != Table.MEMBER_REF) {
            return null;
        }
        Token parent = scope.metadata().token(Table.MEMBER_REF, token.row(), 0);
        if (parent.table() != Table.TYPE_SPEC) {
            return null;
        }
        RuntimeType owner = resolve(scope, parent, context);
        return owner.kind() == RuntimeType.Kind.ARRAY ? owner : null;
    }

    /** The field a Field or MemberRef token names. */
    public FieldSlot resolveField(Assembly scope, Token token, GenericContext context) {
        var md = scope.metadata();
        return switch (token.table()) {
            case FIELD -> {
                FieldDefinition def = scope.field(token.row());
                RuntimeType owner = resolve(scope, new Token(Table.TYPE_DEF, def.declaringType()), context);
                yield owner.fields().stream().filter(f -> f.definition() == def).findFirst().orElseThrow();
            }
            case MEMBER_REF -> {
                RuntimeType owner = resolve(scope, md.token(Table.MEMBER_REF, token.row(), 0), context);
                String name = md.string(Table.MEMBER_REF, token.row(), 1);
                for (RuntimeType t = owner; t != null; t = t.base()) {
                    for (FieldSlot f : t.fields()) {
                        if (f.definition().name().equals(name)) {
                            yield f;
                        }
                    }
                }
                throw new IllegalStateException(scope.file() + ": no field " + owner + "::" + name);
            }
            default -> throw new IllegalStateException(scope.file() + ": " + token + " is not a field");
        };
    }

    /** The interfaces a TypeDef declares (InterfaceImpl rows, II.22.23). */
    List<RuntimeType> interfacesOf(RuntimeType type) {
        Map<Integer, List<Token>> rows = interfaceRows.computeIfAbsent(type.assembly(), a -> {
            Map<Integer, List<Token>> out = new HashMap<>();
            for (int r = 1; r <= a.metadata().rowCount(Table.INTERFACE_IMPL); r++) {
                out.computeIfAbsent(a.metadata().cell(Table.INTERFACE_IMPL, r, 0), k -> new ArrayList<>())
                        .add(a.metadata().token(Table.INTERFACE_IMPL, r, 1));
            }
            return out;
        });
        GenericContext context = new GenericContext(type.typeArguments(), List.of());
        return rows.getOrDefault(type.definition().row(), List.of()).stream()
                .map(t -> resolve(type.assembly(), t, context)).toList();
    }

    /** The generic interfaces a vector {@code T[]} implements (II.14.2 and mono's array model). */
    List<RuntimeType> vectorInterfaces(RuntimeType element) {
        List<RuntimeType> out = new ArrayList<>();
        for (String name : VECTOR_INTERFACES.keySet()) {
            TypeDefinition def = corlib.findType("System.Collections.Generic", name).orElseThrow();
            out.add(type(corlib, def.row(), List.of(element)));
        }
        return out;
    }

    /** The generic interfaces of vectors, and the prefix of mono's System.Array methods that implement each. */
    private static final Map<String, String> VECTOR_INTERFACES = Map.of("IList`1", "InternalArray__",
            "ICollection`1", "InternalArray__ICollection_", "IEnumerable`1", "InternalArray__IEnumerable_",
            "IReadOnlyList`1", "InternalArray__IReadOnlyList_", "IReadOnlyCollection`1",
            "InternalArray__IReadOnlyCollection_");

    /** The System.Array method that implements a generic interface method for a vector, instantiated for its element. */
    RuntimeMethod vectorMethod(RuntimeType array, RuntimeMethod declared) {
        String prefix = VECTOR_INTERFACES.get(declared.owner().definition().name());
        if (prefix == null) {
            return null;
        }
        RuntimeType arrays = corlibType("System", "Array");
        for (MethodDefinition def : arrays.definition().methods()) {
            if (def.name().equals(prefix + declared.name())) {
                return method(arrays, def, List.of(array.element()));
            }
        }
        return null;
    }

    /** The MethodImpl rows of a TypeDef, resolved in its instantiation. */
    List<MethodImpl> methodImpls(RuntimeType type) {
        if (type.definition() == null) {
            return List.of();
        }
        Map<Integer, List<int[]>> rows = implRows.computeIfAbsent(type.assembly(), a -> {
            Map<Integer, List<int[]>> out = new HashMap<>();
            for (int r = 1; r <= a.metadata().rowCount(Table.METHOD_IMPL); r++) {
                out.computeIfAbsent(a.metadata().cell(Table.METHOD_IMPL, r, 0), k -> new ArrayList<>()).add(new int[] {r});
            }
            return out;
        });
        GenericContext context = new GenericContext(type.typeArguments(), List.of());
        List<MethodImpl> out = new ArrayList<>();
        for (int[] row : rows.getOrDefault(type.definition().row(), List.of())) {
            var md = type.assembly().metadata();
            RuntimeMethod body = resolveMethod(type.assembly(), md.token(Table.METHOD_IMPL, row[0], 1), context);
            RuntimeMethod declaration = resolveMethod(type.assembly(), md.token(Table.METHOD_IMPL, row[0], 2), context);
            out.add(new MethodImpl(declaration, body));
        }
        return out;
    }

    /** True when two methods have the same name and the same signature once their owners' type arguments are applied. */
    boolean sameSignature(RuntimeMethod a, RuntimeMethod b) {
        if (!a.name().equals(b.name())) {
            return false;
        }
        MethodSig sa = a.signature(), sb = b.signature();
        if (sa.parameters().size() != sb.parameters().size()
                || sa.genericParameterCount() != sb.genericParameterCount()) {
            return false;
        }
        for (int i = 0; i < sa.parameters().size(); i++) {
            if (!instantiated(a, sa.parameters().get(i)).equals(instantiated(b, sb.parameters().get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** A parameter type with the owner's type arguments applied and method type parameters left as {@code !!n}. */
    private String instantiated(RuntimeMethod m, TypeSig sig) {
        if (sig instanceof TypeSig.GenericParam p && p.ofMethod()) {
            return "!!" + p.number();
        }
        if (containsMethodParameter(sig)) {
            return sig.render(t -> name(m.owner().assembly(), t));
        }
        return resolve(m.owner().assembly(), sig, new GenericContext(m.owner().typeArguments(), List.of())).name();
    }

    private static boolean containsMethodParameter(TypeSig sig) {
        return switch (sig) {
            case TypeSig.GenericParam p -> p.ofMethod();
            case TypeSig.SzArray a -> containsMethodParameter(a.element());
            case TypeSig.MdArray a -> containsMethodParameter(a.element());
            case TypeSig.ByRef r -> containsMethodParameter(r.target());
            case TypeSig.GenericInst g -> g.arguments().stream().anyMatch(TypeSystem::containsMethodParameter);
            case TypeSig.Modified m -> containsMethodParameter(m.type());
            default -> false;
        };
    }

    /** A signature as text, type tokens written by full name: equal for equal signatures across assemblies. */
    String signatureText(Assembly scope, MethodSig sig) {
        return "<" + sig.genericParameterCount() + ">" + sig.returnType().render(t -> name(scope, t)) + "("
                + sig.parameters().stream().map(p -> p.render(t -> name(scope, t))).collect(Collectors.joining(","))
                + ")";
    }

    /** The parameters of a method as text, for its {@link RuntimeMethod#key()}. */
    String parameterText(RuntimeType owner, MethodDefinition def) {
        return def.signature().parameters().stream().map(p -> p.render(t -> name(owner.assembly(), t)))
                .map(s -> s.replaceFirst("^(class|valuetype) ", "")).collect(Collectors.joining(","));
    }

    private String name(Assembly scope, Token token) {
        var md = scope.metadata();
        return switch (token.table()) {
            case TYPE_DEF -> scope.fullName(scope.type(token.row()));
            case TYPE_REF -> {
                Token parent = md.token(Table.TYPE_REF, token.row(), 0);
                String ns = md.string(Table.TYPE_REF, token.row(), 2);
                String simple = md.string(Table.TYPE_REF, token.row(), 1);
                if (parent != null && parent.table() == Table.TYPE_REF) {
                    yield name(scope, parent) + "/" + simple;
                }
                yield ns.isEmpty() ? simple : ns + "." + simple;
            }
            case TYPE_SPEC -> scope.typeSpec(token.row()).render(t -> name(scope, t));
            default -> token.toString();
        };
    }

    /** Remembers a laid-out type so objects can be mapped back to it. */
    void register(RuntimeType type) {
        byManaged.put(type.managedType(), type);
    }

    /** The type of a managed object. */
    public RuntimeType typeOf(ManagedType managed) {
        return byManaged.get(managed);
    }

    /** True for a TypeDef with generic parameters. */
    public boolean isGenericDefinition(Assembly scope, int typeRow) {
        return arityOf(scope, new Token(Table.TYPE_DEF, typeRow)) > 0;
    }

}
