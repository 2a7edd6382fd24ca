package dev.mimic.cil.assembly;

import dev.mimic.cil.CilFormatException;
import dev.mimic.cil.body.MethodBody;
import dev.mimic.cil.body.MethodBodyReader;
import dev.mimic.cil.metadata.Metadata;
import dev.mimic.cil.metadata.Table;
import dev.mimic.cil.metadata.Token;
import dev.mimic.cil.pe.CliHeader;
import dev.mimic.cil.pe.PeImage;
import dev.mimic.cil.signature.MethodSig;
import dev.mimic.cil.signature.Signature;
import dev.mimic.cil.signature.SignatureReader;
import dev.mimic.cil.signature.TypeSig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A loaded CLI assembly (or module): the PE image, its metadata, its types, fields and methods, and
 * the signatures and method bodies, decoded on first use. {@link #load} then decodes everything,
 * so a file that loads has no malformed part left to surprise the execution engine; anything wrong
 * is a {@link CilFormatException} naming the file and the table row or offset. {@link #open} leaves
 * the signatures and bodies for their first use, where the same exception may come later: for the
 * class library, whose 27,000 methods a program reaches a few hundred of.
 */
public final class Assembly {
    /** Larger files are refused before reading: no real assembly comes close. */
    private static final long MAX_FILE_SIZE = 1L << 30;
    private static final int CODE_TYPE_MASK = 0x0003;

    private final String file;
    private final PeImage image;
    private final Metadata metadata;
    private final AssemblyName name;
    private final List<AssemblyName> references;
    private final FieldDefinition[] fields;
    private final MethodDefinition[] methods;
    private final List<TypeDefinition> types;
    private final Signature[] memberRefs;
    private final Signature[] standAlone;
    private final TypeSig[] typeSpecs;
    private final Signature.PropertySig[] properties;
    private final Signature.MethodSpecSig[] methodSpecs;

    private Assembly(String file, byte[] data) {
        this.file = file;
        this.image = PeImage.parse(file, data);
        this.metadata = Metadata.read(image, data);
        Metadata md = metadata;
        memberRefs = new Signature[md.rowCount(Table.MEMBER_REF)];
        standAlone = new Signature[md.rowCount(Table.STAND_ALONE_SIG)];
        typeSpecs = new TypeSig[md.rowCount(Table.TYPE_SPEC)];
        properties = new Signature.PropertySig[md.rowCount(Table.PROPERTY)];
        methodSpecs = new Signature.MethodSpecSig[md.rowCount(Table.METHOD_SPEC)];
        int[] methodOwner = new int[md.rowCount(Table.METHOD_DEF) + 1];
        int[] fieldOwner = new int[md.rowCount(Table.FIELD) + 1];
        int typeCount = md.rowCount(Table.TYPE_DEF);
        for (int row = 1; row <= typeCount; row++) {
            assignOwner(row, 4, fieldOwner);
            assignOwner(row, 5, methodOwner);
        }
        checkOwned(Table.FIELD, fieldOwner);
        checkOwned(Table.METHOD_DEF, methodOwner);
        fields = new FieldDefinition[fieldOwner.length - 1];
        for (int row = 1; row <= fields.length; row++) {
            fields[row - 1] = new FieldDefinition(row, fieldOwner[row], md.cell(Table.FIELD, row, 0),
                    md.string(Table.FIELD, row, 1), SignatureReader.field(md.blob(Table.FIELD, row, 2), md).type());
        }
        methods = new MethodDefinition[methodOwner.length - 1];
        for (int row = 1; row <= methods.length; row++) {
            methods[row - 1] = method(row, methodOwner[row]);
        }
        int[] enclosing = enclosingTypes(typeCount);
        checkTypeRefScopes();
        List<TypeDefinition> typeList = new ArrayList<>(typeCount);
        for (int row = 1; row <= typeCount; row++) {
            int fieldStart = md.cell(Table.TYPE_DEF, row, 4);
            int methodStart = md.cell(Table.TYPE_DEF, row, 5);
            typeList.add(new TypeDefinition(row, md.cell(Table.TYPE_DEF, row, 0), md.string(Table.TYPE_DEF, row, 2),
                    md.string(Table.TYPE_DEF, row, 1), md.token(Table.TYPE_DEF, row, 3), enclosing[row],
                    List.of(Arrays.copyOfRange(fields, fieldStart - 1, listEnd(row, 4) - 1)),
                    List.of(Arrays.copyOfRange(methods, methodStart - 1, listEnd(row, 5) - 1))));
        }
        types = List.copyOf(typeList);
        name = md.rowCount(Table.ASSEMBLY) == 0 ? null : AssemblyName.of(md.string(Table.ASSEMBLY, 1, 7),
                md.cell(Table.ASSEMBLY, 1, 1), md.cell(Table.ASSEMBLY, 1, 2), md.cell(Table.ASSEMBLY, 1, 3),
                md.cell(Table.ASSEMBLY, 1, 4), md.string(Table.ASSEMBLY, 1, 8),
                md.blobs().get("Assembly row 1 PublicKey", md.cell(Table.ASSEMBLY, 1, 6)), true);
        List<AssemblyName> refs = new ArrayList<>();
        for (int row = 1; row <= md.rowCount(Table.ASSEMBLY_REF); row++) {
            refs.add(AssemblyName.of(md.string(Table.ASSEMBLY_REF, row, 6), md.cell(Table.ASSEMBLY_REF, row, 0),
                    md.cell(Table.ASSEMBLY_REF, row, 1), md.cell(Table.ASSEMBLY_REF, row, 2),
                    md.cell(Table.ASSEMBLY_REF, row, 3), md.string(Table.ASSEMBLY_REF, row, 7),
                    md.blobs().get("AssemblyRef row " + row + " PublicKeyOrToken", md.cell(Table.ASSEMBLY_REF, row, 5)),
                    (md.cell(Table.ASSEMBLY_REF, row, 4) & 0x0001) != 0));
        }
        references = List.copyOf(refs);
        checkEntryPoint();
    }

    /** Reads and fully decodes the assembly at {@code path}; errors name the path as given. */
    public static Assembly load(Path path) throws IOException {
        return open(path).decodeAll();
    }

    /** Reads the assembly at {@code path}, its signatures and method bodies decoded on first use. */
    public static Assembly open(Path path) throws IOException {
        String file = path.toString();
        long size = Files.size(path);
        if (size > MAX_FILE_SIZE) {
            throw new CilFormatException(file, "offset 0x0", "file of %d bytes is too large for an assembly".formatted(size));
        }
        return new Assembly(file, Files.readAllBytes(path));
    }

    /** Fully decodes an assembly held in memory; {@code file} names it in errors. */
    public static Assembly read(String file, byte[] data) {
        return new Assembly(file, data).decodeAll();
    }

    /** Decodes every signature and method body now. */
    private Assembly decodeAll() {
        for (int row = 1; row <= memberRefs.length; row++) {
            memberRefSignature(row);
        }
        for (int row = 1; row <= standAlone.length; row++) {
            standAloneSignature(row);
        }
        for (int row = 1; row <= typeSpecs.length; row++) {
            typeSpec(row);
        }
        for (int row = 1; row <= properties.length; row++) {
            property(row);
        }
        for (int row = 1; row <= methodSpecs.length; row++) {
            methodSpec(row);
        }
        for (MethodDefinition m : methods) {
            m.signature();
            m.body();
        }
        return this;
    }

    /** The enclosing TypeDef row of each type (II.22.32), refusing chains that loop. */
    private int[] enclosingTypes(int typeCount) {
        int[] enclosing = new int[typeCount + 1];
        int[] setBy = new int[typeCount + 1];
        int nestedCount = metadata.rowCount(Table.NESTED_CLASS);
        for (int row = 1; row <= nestedCount; row++) {
            int nested = metadata.cell(Table.NESTED_CLASS, row, 0);
            enclosing[nested] = metadata.cell(Table.NESTED_CLASS, row, 1);
            setBy[nested] = row;
        }
        for (int row = 1; row <= typeCount; row++) {
            int steps = 0;
            for (int t = enclosing[row]; t != 0; t = enclosing[t]) {
                if (++steps > nestedCount) {
                    throw metadata.error(Table.NESTED_CLASS, setBy[row], "the enclosing types of TypeDef row %d form a cycle"
                            .formatted(row));
                }
            }
        }
        return enclosing;
    }

    /** A TypeRef may be scoped by another TypeRef (a nested type); refuse chains that loop. */
    private void checkTypeRefScopes() {
        int count = metadata.rowCount(Table.TYPE_REF);
        for (int row = 1; row <= count; row++) {
            int steps = 0;
            for (Token scope = metadata.token(Table.TYPE_REF, row, 0); scope != null && scope.table() == Table.TYPE_REF;
                    scope = metadata.token(Table.TYPE_REF, scope.row(), 0)) {
                if (++steps > count) {
                    throw metadata.error(Table.TYPE_REF, row, "ResolutionScope chain of TypeRefs forms a cycle");
                }
            }
        }
    }

    /** Marks the rows of one list column of TypeDef row {@code row} as owned by it. */
    private void assignOwner(int row, int column, int[] owner) {
        int start = metadata.cell(Table.TYPE_DEF, row, column);
        int end = listEnd(row, column);
        if (end < start) {
            throw metadata.error(Table.TYPE_DEF, row, "%s starts at row %d, after the next type's start %d"
                    .formatted(Table.TYPE_DEF.columns().get(column).name(), start, end));
        }
        for (int i = start; i < end; i++) {
            owner[i] = row;
        }
    }

    /** II.22.15, II.22.26: every field and method is owned by exactly one TypeDef. */
    private void checkOwned(Table table, int[] owner) {
        for (int row = 1; row < owner.length; row++) {
            if (owner[row] == 0) {
                throw metadata.error(table, row, "not owned by any TypeDef (no type's list covers it)");
            }
        }
    }

    /** One past the last row of a list owned by {@code row} (II.22: runs to the next row's start). */
    private int listEnd(int row, int column) {
        Table target = Table.byNumber(Table.TYPE_DEF.columns().get(column).target());
        return row < metadata.rowCount(Table.TYPE_DEF) ? metadata.cell(Table.TYPE_DEF, row + 1, column)
                : metadata.rowCount(target) + 1;
    }

    private MethodDefinition method(int row, int owner) {
        return new MethodDefinition(this, row, owner, metadata.cell(Table.METHOD_DEF, row, 2),
                metadata.cell(Table.METHOD_DEF, row, 1), metadata.string(Table.METHOD_DEF, row, 3));
    }

    MethodSig methodSignature(int row) {
        return SignatureReader.method(metadata.blob(Table.METHOD_DEF, row, 4), metadata);
    }

    /** The body of MethodDef {@code row}; null for one without IL (no RVA, or runtime-provided code). */
    MethodBody methodBody(int row, int implFlags) {
        int rva = metadata.cell(Table.METHOD_DEF, row, 0);
        if (rva == 0 || (implFlags & CODE_TYPE_MASK) != 0) {
            return null;
        }
        MethodBody body = MethodBodyReader.read(image.from("MethodDef row " + row + " body", rva), metadata);
        Token locals = body.localsSignature();
        if (locals != null && !(standAloneSignature(locals.row()) instanceof Signature.LocalVarSig)) {
            throw metadata.error(Table.METHOD_DEF, row, "locals token %s is not a local variable signature".formatted(locals));
        }
        return body;
    }

    private void checkEntryPoint() {
        CliHeader cli = image.cliHeader();
        int token = cli.entryPointToken();
        if (token == 0 || (cli.flags() & CliHeader.FLAG_NATIVE_ENTRYPOINT) != 0) {
            return;
        }
        Table table = Table.byNumber(token >>> 24);
        if ((table != Table.METHOD_DEF && table != Table.FILE) || !metadata.exists(new Token(table, token & 0xFFFFFF))) {
            throw new CilFormatException(file, "CLI header",
                    "entry point token 0x%08x is not a MethodDef or File row".formatted(token));
        }
    }

    public String file() {
        return file;
    }

    public PeImage image() {
        return image;
    }

    public Metadata metadata() {
        return metadata;
    }

    /** The assembly's identity; empty for a module without an Assembly row (a .netmodule). */
    public Optional<AssemblyName> name() {
        return Optional.ofNullable(name);
    }

    /** The AssemblyRef rows, in row order. */
    public List<AssemblyName> references() {
        return references;
    }

    /** Every TypeDef, in row order (row 1 is {@code <Module>}). */
    public List<TypeDefinition> types() {
        return types;
    }

    public TypeDefinition type(int row) {
        return types.get(row - 1);
    }

    /** The type with this namespace and name that is not nested, if any. */
    public Optional<TypeDefinition> findType(String namespace, String name) {
        return types.stream().filter(t -> t.enclosingType() == 0 && t.namespace().equals(namespace)
                && t.name().equals(name)).findFirst();
    }

    public MethodDefinition method(int row) {
        return methods[row - 1];
    }

    public int methodCount() {
        return methods.length;
    }

    public FieldDefinition field(int row) {
        return fields[row - 1];
    }

    /** The MethodDef named by the CLI header, if the assembly is a program. */
    public Optional<MethodDefinition> entryPoint() {
        int token = image.cliHeader().entryPointToken();
        return token >>> 24 == Table.METHOD_DEF.number() ? Optional.of(method(token & 0xFFFFFF)) : Optional.empty();
    }

    /** A MemberRef's signature: a {@link MethodSig} or a {@link Signature.FieldSig}. */
    public Signature memberRefSignature(int row) {
        if (memberRefs[row - 1] == null) {
            memberRefs[row - 1] = SignatureReader.member(metadata.blob(Table.MEMBER_REF, row, 2), metadata);
        }
        return memberRefs[row - 1];
    }

    /** A StandAloneSig: locals or a {@code calli} method signature. */
    public Signature standAloneSignature(int row) {
        if (standAlone[row - 1] == null) {
            standAlone[row - 1] = SignatureReader.standAlone(metadata.blob(Table.STAND_ALONE_SIG, row, 0), metadata);
        }
        return standAlone[row - 1];
    }

    public TypeSig typeSpec(int row) {
        if (typeSpecs[row - 1] == null) {
            typeSpecs[row - 1] = SignatureReader.typeSpec(metadata.blob(Table.TYPE_SPEC, row, 0), metadata);
        }
        return typeSpecs[row - 1];
    }

    public Signature.PropertySig property(int row) {
        if (properties[row - 1] == null) {
            properties[row - 1] = SignatureReader.property(metadata.blob(Table.PROPERTY, row, 2), metadata);
        }
        return properties[row - 1];
    }

    public Signature.MethodSpecSig methodSpec(int row) {
        if (methodSpecs[row - 1] == null) {
            Signature.MethodSpecSig sig = SignatureReader.methodSpec(metadata.blob(Table.METHOD_SPEC, row, 1), metadata);
            Token method = metadata.token(Table.METHOD_SPEC, row, 0);
            if (method.table() == Table.MEMBER_REF && !(memberRefSignature(method.row()) instanceof MethodSig)) {
                throw metadata.error(Table.METHOD_SPEC, row, "Method %s is not a method".formatted(method));
            }
            methodSpecs[row - 1] = sig;
        }
        return methodSpecs[row - 1];
    }

    /** The locals of a method's body, empty when it declares none. */
    public List<TypeSig> locals(MethodBody body) {
        Token t = body.localsSignature();
        return t == null ? List.of() : ((Signature.LocalVarSig) standAloneSignature(t.row())).locals();
    }

    /** The full name of a TypeDef ({@code Ns.Outer/Inner}), as ILAsm writes it. */
    public String fullName(TypeDefinition type) {
        if (type.enclosingType() != 0) {
            return fullName(type(type.enclosingType())) + "/" + type.name();
        }
        return type.namespace().isEmpty() ? type.name() : type.namespace() + "." + type.name();
    }

    @Override
    public String toString() {
        return name != null ? name.toString() : file;
    }
}
