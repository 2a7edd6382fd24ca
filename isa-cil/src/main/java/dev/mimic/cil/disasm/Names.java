package dev.mimic.cil.disasm;

import dev.mimic.cil.assembly.Assembly;
import dev.mimic.cil.assembly.FieldDefinition;
import dev.mimic.cil.assembly.MethodDefinition;
import dev.mimic.cil.metadata.Metadata;
import dev.mimic.cil.metadata.Table;
import dev.mimic.cil.metadata.Token;
import dev.mimic.cil.signature.MethodSig;
import dev.mimic.cil.signature.Signature;
import java.util.stream.Collectors;

/**
 * Writes metadata tokens the way ILAsm source names them: types with their resolution scope
 * ({@code [mscorlib]System.Object}), members as {@code Owner::Name} with their signature.
 */
final class Names {
    private final Assembly assembly;
    private final Metadata md;

    Names(Assembly assembly) {
        this.assembly = assembly;
        this.md = assembly.metadata();
    }

    /** Any token an instruction may carry. */
    String token(Token t) {
        return switch (t.table()) {
            case TYPE_DEF, TYPE_REF, TYPE_SPEC -> type(t);
            case METHOD_DEF, MEMBER_REF, METHOD_SPEC -> member(t);
            case FIELD -> field(t.row());
            case STAND_ALONE_SIG -> assembly.standAloneSignature(t.row()) instanceof MethodSig sig
                    ? sig.render(this::type, "") : t.toString();
            default -> t.toString();
        };
    }

    String type(Token t) {
        return switch (t.table()) {
            case TYPE_DEF -> assembly.fullName(assembly.type(t.row()));
            case TYPE_REF -> typeRef(t.row());
            case TYPE_SPEC -> assembly.typeSpec(t.row()).render(this::type);
            default -> t.toString();
        };
    }

    private String typeRef(int row) {
        Token scope = md.token(Table.TYPE_REF, row, 0);
        String ns = md.string(Table.TYPE_REF, row, 2);
        String name = ns.isEmpty() ? md.string(Table.TYPE_REF, row, 1) : ns + "." + md.string(Table.TYPE_REF, row, 1);
        if (scope == null) {
            return name;
        }
        return switch (scope.table()) {
            case ASSEMBLY_REF -> "[" + md.string(Table.ASSEMBLY_REF, scope.row(), 6) + "]" + name;
            case MODULE_REF -> "[.module " + md.string(Table.MODULE_REF, scope.row(), 0) + "]" + name;
            case TYPE_REF -> typeRef(scope.row()) + "/" + name;
            default -> name;
        };
    }

    /** A MethodDef, a method or field MemberRef, or a MethodSpec. */
    String member(Token t) {
        return switch (t.table()) {
            case METHOD_DEF, MEMBER_REF -> {
                String name = qualifiedName(t);
                yield switch (signature(t)) {
                    case MethodSig sig -> sig.render(this::type, sig.genericParameterCount() > 0
                            ? name + "<[" + sig.genericParameterCount() + "]>" : name);
                    case Signature.FieldSig field -> field.type().render(this::type) + " " + name;
                    default -> name;
                };
            }
            case METHOD_SPEC -> {
                Token method = md.token(Table.METHOD_SPEC, t.row(), 0);
                String args = assembly.methodSpec(t.row()).arguments().stream().map(a -> a.render(this::type))
                        .collect(Collectors.joining(", ", "<", ">"));
                yield ((MethodSig) signature(method)).render(this::type, qualifiedName(method) + args);
            }
            case FIELD -> field(t.row());
            default -> t.toString();
        };
    }

    private Signature signature(Token methodDefOrRef) {
        return methodDefOrRef.table() == Table.METHOD_DEF ? assembly.method(methodDefOrRef.row()).signature()
                : assembly.memberRefSignature(methodDefOrRef.row());
    }

    /** {@code Owner::Name} of a MethodDef or MemberRef. */
    private String qualifiedName(Token methodDefOrRef) {
        if (methodDefOrRef.table() == Table.METHOD_DEF) {
            MethodDefinition m = assembly.method(methodDefOrRef.row());
            return assembly.fullName(assembly.type(m.declaringType())) + "::" + m.name();
        }
        return memberParent(md.token(Table.MEMBER_REF, methodDefOrRef.row(), 0)) + "::"
                + md.string(Table.MEMBER_REF, methodDefOrRef.row(), 1);
    }

    private String field(int row) {
        FieldDefinition f = assembly.field(row);
        String owner = f.declaringType() == 0 ? "" : assembly.fullName(assembly.type(f.declaringType())) + "::";
        return f.type().render(this::type) + " " + owner + f.name();
    }

    private String memberParent(Token parent) {
        return switch (parent.table()) {
            case TYPE_DEF, TYPE_REF, TYPE_SPEC -> type(parent);
            case MODULE_REF -> "[.module " + md.string(Table.MODULE_REF, parent.row(), 0) + "]";
            case METHOD_DEF -> assembly.fullName(assembly.type(assembly.method(parent.row()).declaringType()));
            default -> parent.toString();
        };
    }

}
