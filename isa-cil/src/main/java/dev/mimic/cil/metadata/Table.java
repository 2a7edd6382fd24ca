package dev.mimic.cil.metadata;

import static dev.mimic.cil.metadata.Column.blob;
import static dev.mimic.cil.metadata.Column.coded;
import static dev.mimic.cil.metadata.Column.codedOrNil;
import static dev.mimic.cil.metadata.Column.guid;
import static dev.mimic.cil.metadata.Column.index;
import static dev.mimic.cil.metadata.Column.list;
import static dev.mimic.cil.metadata.Column.string;
import static dev.mimic.cil.metadata.Column.u1Pad;
import static dev.mimic.cil.metadata.Column.u2;
import static dev.mimic.cil.metadata.Column.u4;

import java.util.List;

/**
 * Every metadata table of ECMA-335 II.22 with its number and column layout, plus the five
 * indirection tables ({@code FieldPtr}...) that unoptimised {@code #-} streams may carry, so that
 * such a stream is sized correctly and refused with a clear message rather than misread. The column lists are the
 * schema the table stream is decoded with; the spec's table is the documentation.
 */
public enum Table {
    MODULE(0x00, u2("Generation"), string("Name"), guid("Mvid"), guid("EncId"), guid("EncBaseId")),
    TYPE_REF(0x01, codedOrNil("ResolutionScope", CodedIndex.RESOLUTION_SCOPE), string("TypeName"),
            string("TypeNamespace")),
    TYPE_DEF(0x02, u4("Flags"), string("TypeName"), string("TypeNamespace"),
            codedOrNil("Extends", CodedIndex.TYPE_DEF_OR_REF), list("FieldList", 0x04), list("MethodList", 0x06)),
    FIELD_PTR(0x03, index("Field", 0x04)),
    FIELD(0x04, u2("Flags"), string("Name"), blob("Signature")),
    METHOD_PTR(0x05, index("Method", 0x06)),
    METHOD_DEF(0x06, u4("RVA"), u2("ImplFlags"), u2("Flags"), string("Name"), blob("Signature"),
            list("ParamList", 0x08)),
    PARAM_PTR(0x07, index("Param", 0x08)),
    PARAM(0x08, u2("Flags"), u2("Sequence"), string("Name")),
    INTERFACE_IMPL(0x09, index("Class", 0x02), coded("Interface", CodedIndex.TYPE_DEF_OR_REF)),
    MEMBER_REF(0x0A, coded("Class", CodedIndex.MEMBER_REF_PARENT), string("Name"), blob("Signature")),
    CONSTANT(0x0B, u1Pad("Type"), coded("Parent", CodedIndex.HAS_CONSTANT), blob("Value")),
    CUSTOM_ATTRIBUTE(0x0C, coded("Parent", CodedIndex.HAS_CUSTOM_ATTRIBUTE),
            coded("Type", CodedIndex.CUSTOM_ATTRIBUTE_TYPE), blob("Value")),
    FIELD_MARSHAL(0x0D, coded("Parent", CodedIndex.HAS_FIELD_MARSHAL), blob("NativeType")),
    DECL_SECURITY(0x0E, u2("Action"), coded("Parent", CodedIndex.HAS_DECL_SECURITY), blob("PermissionSet")),
    CLASS_LAYOUT(0x0F, u2("PackingSize"), u4("ClassSize"), index("Parent", 0x02)),
    FIELD_LAYOUT(0x10, u4("Offset"), index("Field", 0x04)),
    STAND_ALONE_SIG(0x11, blob("Signature")),
    EVENT_MAP(0x12, index("Parent", 0x02), list("EventList", 0x14)),
    EVENT_PTR(0x13, index("Event", 0x14)),
    EVENT(0x14, u2("EventFlags"), string("Name"), coded("EventType", CodedIndex.TYPE_DEF_OR_REF)),
    PROPERTY_MAP(0x15, index("Parent", 0x02), list("PropertyList", 0x17)),
    PROPERTY_PTR(0x16, index("Property", 0x17)),
    PROPERTY(0x17, u2("Flags"), string("Name"), blob("Type")),
    METHOD_SEMANTICS(0x18, u2("Semantics"), index("Method", 0x06), coded("Association", CodedIndex.HAS_SEMANTICS)),
    METHOD_IMPL(0x19, index("Class", 0x02), coded("MethodBody", CodedIndex.METHOD_DEF_OR_REF),
            coded("MethodDeclaration", CodedIndex.METHOD_DEF_OR_REF)),
    MODULE_REF(0x1A, string("Name")),
    TYPE_SPEC(0x1B, blob("Signature")),
    IMPL_MAP(0x1C, u2("MappingFlags"), coded("MemberForwarded", CodedIndex.MEMBER_FORWARDED),
            string("ImportName"), index("ImportScope", 0x1A)),
    FIELD_RVA(0x1D, u4("RVA"), index("Field", 0x04)),
    ENC_LOG(0x1E, u4("Token"), u4("FuncCode")),
    ENC_MAP(0x1F, u4("Token")),
    ASSEMBLY(0x20, u4("HashAlgId"), u2("MajorVersion"), u2("MinorVersion"), u2("BuildNumber"),
            u2("RevisionNumber"), u4("Flags"), blob("PublicKey"), string("Name"), string("Culture")),
    ASSEMBLY_PROCESSOR(0x21, u4("Processor")),
    ASSEMBLY_OS(0x22, u4("OSPlatformID"), u4("OSMajorVersion"), u4("OSMinorVersion")),
    ASSEMBLY_REF(0x23, u2("MajorVersion"), u2("MinorVersion"), u2("BuildNumber"), u2("RevisionNumber"),
            u4("Flags"), blob("PublicKeyOrToken"), string("Name"), string("Culture"), blob("HashValue")),
    ASSEMBLY_REF_PROCESSOR(0x24, u4("Processor"), index("AssemblyRef", 0x23)),
    ASSEMBLY_REF_OS(0x25, u4("OSPlatformId"), u4("OSMajorVersion"), u4("OSMinorVersion"),
            index("AssemblyRef", 0x23)),
    FILE(0x26, u4("Flags"), string("Name"), blob("HashValue")),
    EXPORTED_TYPE(0x27, u4("Flags"), u4("TypeDefId"), string("TypeName"), string("TypeNamespace"),
            coded("Implementation", CodedIndex.IMPLEMENTATION)),
    MANIFEST_RESOURCE(0x28, u4("Offset"), u4("Flags"), string("Name"),
            codedOrNil("Implementation", CodedIndex.IMPLEMENTATION)),
    NESTED_CLASS(0x29, index("NestedClass", 0x02), index("EnclosingClass", 0x02)),
    GENERIC_PARAM(0x2A, u2("Number"), u2("Flags"), coded("Owner", CodedIndex.TYPE_OR_METHOD_DEF), string("Name")),
    METHOD_SPEC(0x2B, coded("Method", CodedIndex.METHOD_DEF_OR_REF), blob("Instantiation")),
    GENERIC_PARAM_CONSTRAINT(0x2C, index("Owner", 0x2A), coded("Constraint", CodedIndex.TYPE_DEF_OR_REF));

    /** Table numbers run 0x00..0x2C; a valid bit above that is a corrupt stream. */
    public static final int COUNT = 0x2D;

    private static final Table[] BY_NUMBER = new Table[COUNT];

    static {
        for (Table t : values()) {
            BY_NUMBER[t.number] = t;
        }
    }

    private final int number;
    private final List<Column> columns;
    private final String specName;

    Table(int number, Column... columns) {
        this.number = number;
        this.columns = List.of(columns);
        StringBuilder name = new StringBuilder();
        for (String part : name().split("_")) {
            name.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        this.specName = name.toString().replace("Os", "OS");
    }

    /** The table for a number, or null if ECMA-335 defines none. */
    public static Table byNumber(int number) {
        return number >= 0 && number < COUNT ? BY_NUMBER[number] : null;
    }

    public int number() {
        return number;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The name ECMA-335 gives the table ({@code TypeDef}, {@code MemberRef}, {@code AssemblyRefOS}). */
    public String specName() {
        return specName;
    }
}
