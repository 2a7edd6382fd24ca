package dev.mimic.cil.model;

import dev.mimic.backend.ir.FieldRef;
import dev.mimic.backend.ir.ManagedObject;
import dev.mimic.backend.ir.ManagedType;
import dev.mimic.backend.ir.Type;
import dev.mimic.cil.assembly.Assembly;
import dev.mimic.cil.assembly.FieldDefinition;
import dev.mimic.cil.assembly.MethodDefinition;
import dev.mimic.cil.assembly.TypeDefinition;
import dev.mimic.cil.metadata.Table;
import dev.mimic.cil.metadata.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A loaded type (ECMA-335 II.10): a TypeDef with its type arguments, or an array, by-ref or pointer
 * type built over another. It knows how its values live on the JVM: reference types and value
 * types other than the primitives are {@link ManagedObject}s (a value type's value is an object
 * copied on every load, so copies never alias), primitives and enums are IR integers and floats.
 * Its field layout, statics and method table are built on first use.
 */
public final class RuntimeType {
    /** What kind of type this is. */
    public enum Kind { CLASS, INTERFACE, STRUCT, ENUM, ARRAY, BYREF, POINTER }

    /** TypeAttributes (II.23.1.15). */
    private static final int INTERFACE = 0x20, SEALED = 0x100, BEFORE_FIELD_INIT = 0x100000;

    private final TypeSystem system;
    private final Assembly assembly;
    private final TypeDefinition definition;
    private final List<RuntimeType> typeArguments;
    private final RuntimeType element;
    private final int rank;
    private final String name;
    private Kind kind;
    private RuntimeType base;
    private List<RuntimeType> interfaces;
    private ManagedType managed;
    /** The cells after the fields that hold a struct's bytes when its ClassLayout declares a size (see {@link #rawBytes}). */
    private int rawStart;
    private int rawBytes;
    private List<FieldSlot> fields;
    private List<FieldSlot> instanceFields;
    private ManagedObject statics;
    private List<RuntimeMethod> methods;
    private List<RuntimeMethod> vtable;
    private final Map<RuntimeMethod, RuntimeMethod> implementations = new HashMap<>();
    /** Static constructor state (II.10.5.3): not run, running, done. */
    private int initState;

    RuntimeType(TypeSystem system, Assembly assembly, TypeDefinition definition, List<RuntimeType> typeArguments) {
        this.system = system;
        this.assembly = assembly;
        this.definition = definition;
        this.typeArguments = List.copyOf(typeArguments);
        this.element = null;
        this.rank = 0;
        String plain = assembly.fullName(definition).replace('/', '+');
        this.name = typeArguments.isEmpty() ? plain
                : plain + typeArguments.stream().map(RuntimeType::name).collect(Collectors.joining(",", "[", "]"));
    }

    RuntimeType(TypeSystem system, Kind kind, RuntimeType element, int rank) {
        this.system = system;
        this.assembly = element.assembly;
        this.definition = null;
        this.typeArguments = List.of();
        this.element = element;
        this.rank = rank;
        this.kind = kind;
        this.name = element.name + switch (kind) {
            case ARRAY -> rank == 1 ? "[]" : "[" + ",".repeat(rank - 1) + "]";
            case BYREF -> "&";
            default -> "*";
        };
    }

    public TypeSystem system() {
        return system;
    }

    public Assembly assembly() {
        return assembly;
    }

    /** The TypeDef, null for arrays, by-refs and pointers. */
    public TypeDefinition definition() {
        return definition;
    }

    public List<RuntimeType> typeArguments() {
        return typeArguments;
    }

    /** The element type of an array, by-ref or pointer. */
    public RuntimeType element() {
        return element;
    }

    /** The rank of an array type: 1 for vectors ({@code T[]}), more for {@code T[,]}. */
    public int rank() {
        return rank;
    }

    /** The full name as mono's {@code Type.ToString} writes it ({@code Ns.Outer+Inner}, {@code List`1[System.Int32]}). */
    public String name() {
        return name;
    }

    public String namespace() {
        return definition == null ? element.namespace() : definition.namespace();
    }

    /** The simple name ({@code Type.Name}). */
    public String simpleName() {
        return definition == null ? name.substring(name.lastIndexOf('.') + 1) : definition.name();
    }

    public Kind kind() {
        if (kind == null) {
            kind = classify();
        }
        return kind;
    }

    public boolean isValueType() {
        return kind() == Kind.STRUCT || kind() == Kind.ENUM;
    }

    public boolean isInterface() {
        return kind() == Kind.INTERFACE;
    }

    public boolean isSealed() {
        return definition == null || (definition.flags() & SEALED) != 0;
    }

    public boolean isBeforeFieldInit() {
        return definition != null && (definition.flags() & BEFORE_FIELD_INIT) != 0;
    }

    /** True for {@code System.<name>} of the class library. */
    public boolean is(String systemName) {
        return definition != null && assembly == system.corlib() && definition.enclosingType() == 0
                && definition.namespace().equals("System") && definition.name().equals(systemName)
                && typeArguments.isEmpty();
    }

    /** The base class; null for System.Object, interfaces, by-refs and pointers. */
    public RuntimeType base() {
        if (definition == null) {
            return kind == Kind.ARRAY ? system.corlibType("System", "Array") : null;
        }
        if (base == null && definition.baseType() != null) {
            base = system.resolve(assembly, definition.baseType(), new GenericContext(typeArguments, List.of()));
        }
        return base;
    }

    /** The interfaces this type declares it implements (II.22.23), not those of its bases. */
    public List<RuntimeType> interfaces() {
        if (interfaces == null) {
            interfaces = definition != null ? system.interfacesOf(this)
                    : kind == Kind.ARRAY && rank == 1 ? system.vectorInterfaces(element) : List.of();
        }
        return interfaces;
    }

    /** True when a value of {@code other} may be stored where this type is expected (II.12.2, simplified to the class and interface relations). */
    public boolean isAssignableFrom(RuntimeType other) {
        if (other == this) {
            return true;
        }
        if (kind() == Kind.ARRAY && other.kind() == Kind.ARRAY) {
            return rank == other.rank && (element == other.element
                    || !element.isValueType() && !other.element.isValueType() && element.isAssignableFrom(other.element));
        }
        for (RuntimeType t = other; t != null; t = t.base()) {
            if (t == this) {
                return true;
            }
            for (RuntimeType i : t.interfaces()) {
                if (isAssignableFrom(i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The IR type of a value of this type on the evaluation stack (III.1.1). */
    public Type stackType() {
        if (definition != null && assembly == system.corlib() && definition.namespace().equals("System")) {
            Type primitive = switch (definition.name()) {
                case "Boolean", "Char", "SByte", "Byte", "Int16", "UInt16", "Int32", "UInt32" -> Type.I32;
                case "Int64", "UInt64", "IntPtr", "UIntPtr" -> Type.I64;
                case "Single", "Double" -> Type.F64;
                default -> null;
            };
            if (primitive != null) {
                return primitive;
            }
        }
        if (kind() == Kind.ENUM) {
            return underlying().stackType();
        }
        // III.1.1.5.1: unmanaged pointers are native ints.
        return kind() == Kind.POINTER ? Type.I64 : Type.REF;
    }

    /** True for the value types held in objects: structs other than the primitives. */
    public boolean isObjectStruct() {
        return kind() == Kind.STRUCT && stackType() == Type.REF;
    }

    /** The primitive an enum is stored as (its {@code value__} field, II.14.3); the type itself otherwise. */
    public RuntimeType underlying() {
        if (kind() != Kind.ENUM) {
            return this;
        }
        for (FieldDefinition f : definition.fields()) {
            if (!f.isStatic()) {
                return system.resolve(assembly, f.type(), new GenericContext(typeArguments, List.of()));
            }
        }
        throw new IllegalStateException(name + ": an enum without its value__ field");
    }

    /** The backend's view: name, supertypes and the number of cells of each kind. */
    public ManagedType managedType() {
        if (managed == null) {
            layout();
        }
        return managed;
    }

    /** Every field this type declares, resolved, with its cell. */
    public List<FieldSlot> fields() {
        if (fields == null) {
            layout();
        }
        return fields;
    }

    /** The instance fields of this type and its bases, base first: the cells of an instance. */
    public List<FieldSlot> instanceFields() {
        if (instanceFields == null) {
            layout();
        }
        return instanceFields;
    }

    /**
     * The size a struct's ClassLayout row declares (0 if none): a C# fixed-size buffer
     * ({@code fixed char name[256]}) is such a struct with one field and room for all its elements.
     * Its bytes live in primitive cells from {@link #rawStart}, eight to a cell, so that the buffer
     * has storage beyond its one field and is copied with the struct.
     */
    public int rawBytes() {
        instanceFields();
        return rawBytes;
    }

    public int rawStart() {
        instanceFields();
        return rawStart;
    }

    /** The field declared here as {@code name}. */
    public FieldSlot field(String fieldName) {
        for (FieldSlot f : fields()) {
            if (f.definition().name().equals(fieldName)) {
                return f;
            }
        }
        throw new IllegalStateException(name + " has no field " + fieldName);
    }

    /** The object that holds this type's static fields (one per instantiation, II.10.5.3). */
    public ManagedObject statics() {
        if (statics == null) {
            layout();
        }
        return statics;
    }

    private void layout() {
        RuntimeType b = base();
        boolean inherits = b != null && definition != null;
        List<FieldSlot> inherited = inherits ? b.instanceFields() : List.of();
        int p = inherits ? b.managedType().primitiveFields() : 0;
        int r = inherits ? b.managedType().referenceFields() : 0;
        int primitives = p, references = r;
        List<FieldDefinition> declared = definition == null ? List.of() : definition.fields();
        List<RuntimeType> types = new ArrayList<>();
        GenericContext context = new GenericContext(typeArguments, List.of());
        for (FieldDefinition f : declared) {
            types.add(system.resolve(assembly, f.type(), context));
        }
        int staticPrimitives = 0, staticReferences = 0;
        for (int i = 0; i < declared.size(); i++) {
            boolean ref = types.get(i).stackType() == Type.REF;
            if (declared.get(i).isStatic()) {
                staticPrimitives += ref ? 0 : 1;
                staticReferences += ref ? 1 : 0;
            } else {
                primitives += ref ? 0 : 1;
                references += ref ? 1 : 0;
            }
        }
        rawBytes = b != null && b.is("ValueType") ? NativeLayout.declaredSize(this) : 0;
        rawStart = primitives;
        primitives += (rawBytes + 7) / 8;
        int extra = is("Delegate") ? DELEGATE_CELLS : is("Exception") ? EXCEPTION_CELLS
                : is("TypedReference") ? TYPED_REFERENCE_CELLS
                : is("RuntimeArgumentHandle") || is("ArgIterator") ? ARGUMENT_LIST_CELLS : 0;
        managed = new ManagedType(name, inherits ? b.managedType() : null,
                interfaces().stream().map(RuntimeType::managedType).toList(), primitives, references + extra);
        ManagedType staticType = new ManagedType(name + " statics", null, List.of(), staticPrimitives, staticReferences);
        List<FieldSlot> own = new ArrayList<>();
        List<FieldSlot> all = new ArrayList<>(inherited);
        int sp = 0, sr = 0;
        for (int i = 0; i < declared.size(); i++) {
            FieldDefinition f = declared.get(i);
            Type t = types.get(i).stackType();
            boolean ref = t == Type.REF;
            FieldRef cell = f.isStatic()
                    ? new FieldRef(staticType, f.name(), t, ref ? sr++ : sp++)
                    : new FieldRef(managed, f.name(), t, ref ? r++ : p++);
            FieldSlot slot = new FieldSlot(this, f, types.get(i), cell);
            own.add(slot);
            if (!f.isStatic()) {
                all.add(slot);
            }
        }
        fields = List.copyOf(own);
        instanceFields = List.copyOf(all);
        statics = new ManagedObject(staticType);
        system.register(this);
        for (FieldSlot f : fields) {
            if (f.isStatic() && f.type().isObjectStruct()) {
                statics.references[f.cell().index()] = f.type().newValue();
            }
        }
    }

    /** True for delegate types: those deriving from System.MulticastDelegate (II.14.6). */
    public boolean isDelegate() {
        for (RuntimeType b = base(); b != null; b = b.base()) {
            if (b.is("MulticastDelegate")) {
                return true;
            }
        }
        return false;
    }

    /** Reference cells System.Delegate carries beyond its fields: the target and the method or invocation list. */
    public static final int DELEGATE_CELLS = 2;

    /** Reference cells System.Exception carries beyond its fields: where the runtime keeps its stack trace. */
    public static final int EXCEPTION_CELLS = 1;

    /** The cell of an exception instance that holds its stack trace (see {@link #EXCEPTION_CELLS}). */
    public int traceCell() {
        RuntimeType e = this;
        while (!e.is("Exception")) {
            e = e.base();
        }
        return e.managedType().referenceFields() - EXCEPTION_CELLS;
    }

    /**
     * Reference cells System.TypedReference carries beyond its fields (II.14.4.3): the managed pointer
     * and the type, which its {@code IntPtr} fields could not hold.
     */
    public static final int TYPED_REFERENCE_CELLS = 2;

    /** The first of the {@link #TYPED_REFERENCE_CELLS} of a typed reference. */
    public int typedReferenceCell() {
        return managedType().referenceFields() - TYPED_REFERENCE_CELLS;
    }

    /**
     * Reference cells RuntimeArgumentHandle and ArgIterator carry beyond their fields: the typed
     * references of a vararg call's extra arguments, which their {@code IntPtr} fields could not hold.
     */
    public static final int ARGUMENT_LIST_CELLS = 1;

    /** The {@link #ARGUMENT_LIST_CELLS} cell of a RuntimeArgumentHandle or ArgIterator. */
    public int argumentListCell() {
        return managedType().referenceFields() - ARGUMENT_LIST_CELLS;
    }

    /** The first of the {@link #DELEGATE_CELLS} in a delegate instance. */
    public int delegateCell() {
        RuntimeType d = this;
        while (!d.is("Delegate")) {
            d = d.base();
        }
        return d.managedType().referenceFields() - DELEGATE_CELLS;
    }

    /**
     * A new instance with every cell zero (II.10.1.5); fields of object-struct types hold their own
     * zero values, since a value type is never null.
     */
    public ManagedObject newValue() {
        ManagedObject o = new ManagedObject(managedType());
        for (FieldSlot f : instanceFields()) {
            if (f.type().isObjectStruct()) {
                o.references[f.cell().index()] = f.type().newValue();
            }
        }
        return o;
    }

    /** A copy of a value of this struct type, nested struct fields copied too (II.13.1 copy semantics). */
    public ManagedObject copy(ManagedObject value) {
        ManagedObject o = new ManagedObject(managedType());
        System.arraycopy(value.primitives, 0, o.primitives, 0, o.primitives.length);
        System.arraycopy(value.references, 0, o.references, 0, o.references.length);
        for (FieldSlot f : instanceFields()) {
            if (f.type().isObjectStruct()) {
                int cell = f.cell().index();
                o.references[cell] = f.type().copy((ManagedObject) o.references[cell]);
            }
        }
        return o;
    }

    /** The methods this type declares. */
    public List<RuntimeMethod> methods() {
        if (methods == null) {
            List<RuntimeMethod> out = new ArrayList<>();
            if (definition != null) {
                for (MethodDefinition m : definition.methods()) {
                    out.add(system.method(this, m, List.of()));
                }
            }
            methods = List.copyOf(out);
        }
        return methods;
    }

    /** The declared method named {@code methodName} with {@code parameters} parameters, if exactly one. */
    public RuntimeMethod method(String methodName, int parameters) {
        RuntimeMethod found = null;
        for (RuntimeMethod m : methods()) {
            if (m.name().equals(methodName) && m.signature().parameters().size() == parameters) {
                if (found != null) {
                    throw new IllegalStateException(name + "::" + methodName + " is overloaded");
                }
                found = m;
            }
        }
        return found;
    }

    /**
     * The method table (II.10.3): the base's slots, each overridden by a virtual method of the same
     * name and signature unless it is {@code newslot}, then this type's new slots; MethodImpl rows
     * override the slots they name.
     */
    public List<RuntimeMethod> vtable() {
        if (vtable == null) {
            List<RuntimeMethod> slots = new ArrayList<>(base() == null ? List.of() : base().vtable());
            for (RuntimeMethod m : methods()) {
                if (!m.isVirtual()) {
                    continue;
                }
                int slot = -1;
                if ((m.definition().flags() & RuntimeMethod.NEW_SLOT) == 0) {
                    for (int i = slots.size() - 1; i >= 0 && slot < 0; i--) {
                        if (system.sameSignature(slots.get(i), m)) {
                            slot = i;
                        }
                    }
                }
                if (slot < 0) {
                    slot = slots.size();
                    slots.add(m);
                } else {
                    slots.set(slot, m);
                }
                if (m.owner() == this) {
                    m.slot = slot;
                }
            }
            for (var impl : system.methodImpls(this)) {
                if (!impl.declaration().owner().isInterface()) {
                    slots.set(slotOf(impl.declaration()), impl.body());
                }
            }
            vtable = slots;
        }
        return vtable;
    }

    /** The slot of a virtual method; a generic method's instantiations share their definition's slot. */
    private static int slotOf(RuntimeMethod m) {
        m.owner().vtable();
        if (m.slot < 0 && !m.methodArguments().isEmpty()) {
            return slotOf(m.owner().system().method(m.owner(), m.definition(), List.of()));
        }
        return m.slot;
    }

    /**
     * The method a virtual call of {@code declared} on an instance of this type runs: the slot's
     * occupant for class methods, for interface methods an explicit MethodImpl or else the last
     * public virtual method of the same name and signature (II.12.2).
     */
    public RuntimeMethod implementation(RuntimeMethod declared) {
        RuntimeMethod known = implementations.get(declared);
        if (known != null) {
            return known;
        }
        RuntimeMethod found = null;
        if (kind() == Kind.ARRAY && declared.owner().isInterface() && declared.owner().definition() != null
                && !declared.owner().typeArguments().isEmpty()) {
            found = system.vectorMethod(this, declared);
        } else if (!declared.owner().isInterface()) {
            found = declared.isVirtual() ? vtable().get(slotOf(declared)) : declared;
        } else {
            for (RuntimeType t = this; t != null && found == null; t = t.base()) {
                for (var impl : system.methodImpls(t)) {
                    if (impl.declaration() == declared) {
                        found = impl.body();
                    }
                }
                List<RuntimeMethod> slots = t.vtable();
                for (int i = slots.size() - 1; i >= 0 && found == null; i--) {
                    if (slots.get(i).name().equals(declared.name()) && system.sameSignature(slots.get(i), declared)) {
                        found = slots.get(i);
                    }
                }
            }
        }
        if (found == null) {
            throw new IllegalStateException(name + " does not implement " + declared);
        }
        if (!declared.methodArguments().isEmpty() && found.methodArguments().isEmpty()) {
            found = system.method(found.owner(), found.definition(), declared.methodArguments());
        }
        implementations.put(declared, found);
        return found;
    }

    /** The exception that ended the static constructor, which every later trigger raises again; or null. */
    private Object initializationFailure;

    /**
     * True once the static constructor has run or started (II.10.5.3.2: a re-entrant trigger sees it
     * started) without failing; a failed one must be triggered again to raise its exception.
     */
    public boolean initializationStarted() {
        return initState != 0 && initializationFailure == null;
    }

    public Object initializationFailure() {
        return initializationFailure;
    }

    /** Records that the static constructor threw; {@code exception} is what later triggers raise. */
    public void failInitialization(Object exception) {
        initializationFailure = exception;
    }

    /** Marks the static constructor started; returns false if it already was. */
    public boolean startInitialization() {
        if (initState != 0) {
            return false;
        }
        initState = 1;
        return true;
    }

    /** The type's {@code .cctor}, or null. */
    public RuntimeMethod typeInitializer() {
        for (RuntimeMethod m : methods()) {
            if (m.isStatic() && m.name().equals(".cctor")) {
                return m;
            }
        }
        return null;
    }

    private Kind classify() {
        if ((definition.flags() & INTERFACE) != 0) {
            return Kind.INTERFACE;
        }
        Token b = definition.baseType();
        if (b != null && b.table() != Table.TYPE_SPEC && !is("Enum")) {
            var md = assembly.metadata();
            String ns = md.string(b.table(), b.row(), 2);
            String n = md.string(b.table(), b.row(), 1);
            if (ns.equals("System") && n.equals("Enum")) {
                return Kind.ENUM;
            }
            if (ns.equals("System") && n.equals("ValueType") && !is("Enum")) {
                return Kind.STRUCT;
            }
        }
        return Kind.CLASS;
    }

    @Override
    public String toString() {
        return name;
    }
}
