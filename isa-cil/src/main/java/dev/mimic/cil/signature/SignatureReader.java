package dev.mimic.cil.signature;

import dev.mimic.cil.metadata.Metadata;
import dev.mimic.cil.metadata.Table;
import dev.mimic.cil.metadata.Token;
import dev.mimic.cil.pe.ByteReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes signature blobs (ECMA-335 II.23.2) into {@link Signature} and {@link TypeSig} trees. Every
 * count is checked against the bytes left before anything is allocated, nesting is bounded, type
 * tokens must name existing rows, and the blob must be consumed exactly, so a corrupt blob gives a
 * {@link dev.mimic.cil.CilFormatException} and never a huge allocation or a stack overflow.
 */
public final class SignatureReader {
    private static final int MAX_DEPTH = 64;

    private static final int FIELD = 0x06;
    private static final int LOCAL_SIG = 0x07;
    private static final int PROPERTY = 0x08;
    private static final int GENERIC_INST = 0x0A;

    private final ByteReader r;
    private final Metadata metadata;

    private SignatureReader(ByteReader r, Metadata metadata) {
        this.r = r;
        this.metadata = metadata;
    }

    /** A MethodDef or MethodRef signature. */
    public static MethodSig method(ByteReader blob, Metadata metadata) {
        SignatureReader s = new SignatureReader(blob, metadata);
        return s.end(s.methodSig(0));
    }

    /** A field signature, returning its type. */
    public static Signature.FieldSig field(ByteReader blob, Metadata metadata) {
        SignatureReader s = new SignatureReader(blob, metadata);
        s.expect(FIELD, "field signature");
        return s.end(new Signature.FieldSig(s.type(0)));
    }

    /** A MemberRef signature: a field or a method, told apart by its first byte (II.23.2.4). */
    public static Signature member(ByteReader blob, Metadata metadata) {
        return peek(blob) == FIELD ? field(blob, metadata) : method(blob, metadata);
    }

    /** A StandAloneSig: locals for a method body, or a method signature for {@code calli}. */
    public static Signature standAlone(ByteReader blob, Metadata metadata) {
        return peek(blob) == LOCAL_SIG ? locals(blob, metadata) : method(blob, metadata);
    }

    /** A local variable signature. */
    public static Signature.LocalVarSig locals(ByteReader blob, Metadata metadata) {
        SignatureReader s = new SignatureReader(blob, metadata);
        s.expect(LOCAL_SIG, "local variable signature");
        return s.end(new Signature.LocalVarSig(s.types(s.count("locals"), 0)));
    }

    /** A property signature. */
    public static Signature.PropertySig property(ByteReader blob, Metadata metadata) {
        SignatureReader s = new SignatureReader(blob, metadata);
        int at = blob.position();
        int lead = blob.u1();
        if ((lead & 0x0F) != PROPERTY) {
            throw blob.error(at, "property signature starts with 0x%02x, not 0x08".formatted(lead));
        }
        int count = s.count("parameters");
        TypeSig type = s.type(0);
        return s.end(new Signature.PropertySig((lead & MethodSig.HAS_THIS) != 0, type, s.types(count, 0)));
    }

    /** A MethodSpec instantiation. */
    public static Signature.MethodSpecSig methodSpec(ByteReader blob, Metadata metadata) {
        SignatureReader s = new SignatureReader(blob, metadata);
        s.expect(GENERIC_INST, "method instantiation");
        int count = s.count("type arguments");
        if (count == 0) {
            throw blob.error("method instantiation has no type arguments");
        }
        return s.end(new Signature.MethodSpecSig(s.types(count, 0)));
    }

    /** A TypeSpec: one type. */
    public static TypeSig typeSpec(ByteReader blob, Metadata metadata) {
        SignatureReader s = new SignatureReader(blob, metadata);
        return s.end(s.type(0));
    }

    private static int peek(ByteReader blob) {
        if (blob.remaining() == 0) {
            throw blob.error("empty signature");
        }
        int at = blob.position();
        int lead = blob.u1();
        blob.seek(at);
        return lead & 0x0F;
    }

    private <T> T end(T value) {
        if (r.remaining() != 0) {
            throw r.error("%d unexpected bytes after the signature".formatted(r.remaining()));
        }
        return value;
    }

    private void expect(int kind, String what) {
        int at = r.position();
        int lead = r.u1();
        if (lead != kind) {
            throw r.error(at, "%s starts with 0x%02x, not 0x%02x".formatted(what, lead, kind));
        }
    }

    private int count(String what) {
        int at = r.position();
        int n = r.compressed();
        if (n > r.remaining()) {
            throw r.error(at, "%d %s cannot fit in the %d bytes left".formatted(n, what, r.remaining()));
        }
        return n;
    }

    private MethodSig methodSig(int depth) {
        int at = r.position();
        int convention = r.u1();
        int kind = convention & MethodSig.KIND_MASK;
        if (kind > MethodSig.VARARG || (convention & 0x80) != 0) {
            throw r.error(at, "bad method calling convention 0x%02x".formatted(convention));
        }
        int generic = (convention & MethodSig.GENERIC) != 0 ? r.compressed() : 0;
        int count = count("parameters");
        TypeSig returnType = type(depth + 1);
        List<TypeSig> parameters = new ArrayList<>(count);
        int sentinel = -1;
        for (int i = 0; i < count; i++) {
            if (r.remaining() > 0 && r.data()[r.position()] == 0x41) {
                if (sentinel >= 0 || kind != MethodSig.VARARG) {
                    throw r.error("sentinel in a %s signature".formatted(sentinel >= 0 ? "second" : "non-vararg"));
                }
                r.u1();
                sentinel = i;
            }
            parameters.add(type(depth + 1));
        }
        return new MethodSig(convention, generic, returnType, List.copyOf(parameters), sentinel);
    }

    private List<TypeSig> types(int count, int depth) {
        List<TypeSig> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(type(depth + 1));
        }
        return List.copyOf(out);
    }

    private TypeSig type(int depth) {
        if (depth > MAX_DEPTH) {
            throw r.error("type nested deeper than %d levels".formatted(MAX_DEPTH));
        }
        int at = r.position();
        int code = r.u1();
        TypeSig.Primitive primitive = TypeSig.Primitive.of(code);
        if (primitive != null) {
            return primitive;
        }
        return switch (code) {
            case 0x0F -> new TypeSig.Pointer(type(depth + 1));
            case 0x10 -> new TypeSig.ByRef(type(depth + 1));
            case 0x11 -> new TypeSig.Named(typeToken(), true);
            case 0x12 -> new TypeSig.Named(typeToken(), false);
            case 0x13 -> new TypeSig.GenericParam(false, r.compressed());
            case 0x14 -> array(depth);
            case 0x15 -> genericInst(depth);
            case 0x1B -> new TypeSig.FunctionPointer(methodSig(depth + 1));
            case 0x1D -> new TypeSig.SzArray(type(depth + 1));
            case 0x1E -> new TypeSig.GenericParam(true, r.compressed());
            case 0x1F, 0x20 -> {
                Token modifier = typeToken();
                yield new TypeSig.Modified(type(depth + 1), code == 0x1F, modifier);
            }
            case 0x45 -> new TypeSig.Pinned(type(depth + 1));
            default -> throw r.error(at, "unknown element type 0x%02x".formatted(code));
        };
    }

    private TypeSig array(int depth) {
        TypeSig element = type(depth + 1);
        int rank = r.compressed();
        if (rank == 0) {
            throw r.error("array of rank 0");
        }
        int sizeCount = count("array sizes");
        if (sizeCount > rank) {
            throw r.error("%d array sizes for rank %d".formatted(sizeCount, rank));
        }
        List<Integer> sizes = new ArrayList<>(sizeCount);
        for (int i = 0; i < sizeCount; i++) {
            sizes.add(r.compressed());
        }
        int boundCount = count("array lower bounds");
        if (boundCount > rank) {
            throw r.error("%d array lower bounds for rank %d".formatted(boundCount, rank));
        }
        List<Integer> bounds = new ArrayList<>(boundCount);
        for (int i = 0; i < boundCount; i++) {
            bounds.add(r.compressedSigned());
        }
        return new TypeSig.MdArray(element, rank, List.copyOf(sizes), List.copyOf(bounds));
    }

    private TypeSig genericInst(int depth) {
        int at = r.position();
        int kind = r.u1();
        if (kind != 0x11 && kind != 0x12) {
            throw r.error(at, "generic instantiation of element type 0x%02x, not class or valuetype".formatted(kind));
        }
        Token type = typeToken();
        int count = count("type arguments");
        if (count == 0) {
            throw r.error("generic instantiation without type arguments");
        }
        return new TypeSig.GenericInst(type, kind == 0x11, types(count, depth));
    }

    /**
     * A TypeDefOrRefOrSpecEncoded token (II.23.2.8). Where signatures use it (class, valuetype,
     * generic instantiations, custom modifiers) II.23.2.12 allows only TypeDef and TypeRef; refusing
     * TypeSpec also rules out a TypeSpec that contains itself.
     */
    private Token typeToken() {
        int at = r.position();
        int coded = r.compressed();
        Table table = switch (coded & 3) {
            case 0 -> Table.TYPE_DEF;
            case 1 -> Table.TYPE_REF;
            default -> throw r.error(at, "type token tag %d is not TypeDef or TypeRef".formatted(coded & 3));
        };
        Token token = new Token(table, coded >>> 2);
        if (!metadata.exists(token)) {
            throw r.error(at, "%s row %d does not exist (%d rows)".formatted(
                    table.specName(), token.row(), metadata.rowCount(table)));
        }
        return token;
    }
}
