package dev.mimic.cil.disasm;

import dev.mimic.cil.assembly.Assembly;
import dev.mimic.cil.assembly.MethodDefinition;
import dev.mimic.cil.body.ExceptionClause;
import dev.mimic.cil.body.MethodBody;
import dev.mimic.cil.decode.CilDecoder;
import dev.mimic.cil.decode.CilInstruction;
import dev.mimic.cil.decode.OpcodeTable;
import dev.mimic.cil.signature.TypeSig;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lists method bodies as ILAsm-like text, driven by the {@code cil.isa} table: one line per
 * instruction ({@code IL_0010:  call int32 Fib::F(int32)}, the layout {@code monodis} and
 * {@code ildasm} use), preceded by the body's header and followed by its exception clauses in
 * ILAsm's raw form ({@code .try IL_0000 to IL_0022 catch ... handler IL_0022 to IL_002a}).
 */
public final class Disassembler {
    private final Assembly assembly;
    private final CilDecoder decoder;
    private final Names names;

    public Disassembler(Assembly assembly) {
        this(assembly, OpcodeTable.standard());
    }

    public Disassembler(Assembly assembly, OpcodeTable table) {
        this.assembly = assembly;
        this.decoder = new CilDecoder(table);
        this.names = new Names(assembly);
    }

    /** One line per instruction of {@code method}'s body. */
    public List<String> instructions(MethodDefinition method) {
        List<String> lines = new ArrayList<>();
        for (CilInstruction insn : decoder.decode(assembly, method)) {
            lines.add(line(insn));
        }
        return lines;
    }

    /** The whole listing of a method: signature, header, locals, instructions and clauses. */
    public String method(MethodDefinition method) {
        StringBuilder out = new StringBuilder();
        String owner = assembly.fullName(assembly.type(method.declaringType()));
        out.append(".method ").append(method.signature().render(names::type, owner + "::" + method.name())).append('\n');
        MethodBody body = method.body();
        if (body == null) {
            return out.append("  // no body: ").append(method.isInternalCall() ? "internal call" : "abstract or runtime")
                    .append('\n').toString();
        }
        out.append("  // Code size ").append(body.code().length).append('\n');
        out.append("  .maxstack ").append(body.maxStack()).append('\n');
        List<TypeSig> locals = assembly.locals(body);
        if (!locals.isEmpty()) {
            out.append("  .locals ").append(body.initLocals() ? "init " : "").append(locals.stream()
                    .map(t -> t.render(names::type)).collect(Collectors.joining(", ", "(", ")"))).append('\n');
        }
        for (String line : instructions(method)) {
            out.append("  ").append(line).append('\n');
        }
        for (ExceptionClause c : body.clauses()) {
            out.append("  ").append(clause(c)).append('\n');
        }
        return out.toString();
    }

    private String clause(ExceptionClause c) {
        String handler = switch (c.kind()) {
            case CATCH -> "catch " + names.type(c.catchType());
            case FILTER -> "filter IL_%04x".formatted(c.filterOffset());
            case FINALLY -> "finally";
            case FAULT -> "fault";
        };
        return ".try IL_%04x to IL_%04x %s handler IL_%04x to IL_%04x".formatted(c.tryOffset(),
                c.tryOffset() + c.tryLength(), handler, c.handlerOffset(), c.handlerOffset() + c.handlerLength());
    }

    private String line(CilInstruction insn) {
        String head = "IL_%04x:  %s".formatted(insn.offset(), insn.opcode().name());
        String operand = switch (insn.opcode().operand()) {
            case NONE -> null;
            case INT8 -> "0x%02x".formatted(insn.intValue());
            case UINT8, INT32, VAR8, VAR16 -> Integer.toString(insn.intValue());
            case INT64 -> "0x%x".formatted(insn.operand());
            case FLOAT32, FLOAT64 -> Double.toString(insn.floatValue());
            case BRTARGET8, BRTARGET32 -> "IL_%04x".formatted(insn.branchTarget());
            case SWITCH -> java.util.Arrays.stream(insn.targets()).mapToObj("IL_%04x"::formatted)
                    .collect(Collectors.joining(", ", "(", ")"));
            case STRING -> quote(assembly.metadata().userStrings().get(insn.intValue() & 0xFFFFFF));
            case METHOD, FIELD, TYPE, TOK, SIG -> names.token(insn.token());
        };
        return operand == null ? head : head + " " + operand;
    }

    /** An ILAsm string literal (II.5.2): quotes, backslashes and control characters escaped. */
    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c < 0x20 ? "\\%03o".formatted((int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
