package dev.mimic.cil.decode;

import dev.mimic.cil.CilFormatException;
import dev.mimic.cil.assembly.Assembly;
import dev.mimic.cil.assembly.MethodDefinition;
import dev.mimic.cil.body.ExceptionClause;
import dev.mimic.cil.metadata.Metadata;
import dev.mimic.cil.metadata.Table;
import dev.mimic.cil.metadata.Token;
import dev.mimic.cil.signature.MethodSig;
import dev.mimic.specs.coverage.DecodeRecorder;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a method body's code into {@link CilInstruction}s with the {@code cil.isa} opcode table.
 * Everything an engine would trust is checked here: opcodes exist, operands are complete, tokens
 * name existing rows of the tables their kind allows, and branch, switch and exception-clause
 * offsets land on instruction starts. A failure is one line: file, method row, IL offset, problem.
 */
public final class CilDecoder {
    private static final int US_TABLE = 0x70;

    private final OpcodeTable table;

    public CilDecoder(OpcodeTable table) {
        this.table = table;
    }

    /** The instructions of {@code method}'s body, which must have one. */
    public List<CilInstruction> decode(Assembly assembly, MethodDefinition method) {
        byte[] code = method.body().code();
        String where = "MethodDef row " + method.row();
        List<CilInstruction> out = decode(assembly.file(), where, code, assembly);
        boolean[] starts = new boolean[code.length + 1];
        for (CilInstruction insn : out) {
            starts[insn.offset()] = true;
        }
        starts[code.length] = true;
        for (ExceptionClause c : method.body().clauses()) {
            int[] edges = {c.tryOffset(), c.tryOffset() + c.tryLength(), c.handlerOffset(),
                c.handlerOffset() + c.handlerLength(), c.kind() == ExceptionClause.Kind.FILTER ? c.filterOffset() : 0};
            for (int edge : edges) {
                if (!starts[edge]) {
                    throw new CilFormatException(assembly.file(), where,
                            "exception clause boundary IL_%04x is inside an instruction".formatted(edge));
                }
            }
        }
        return out;
    }

    private List<CilInstruction> decode(String file, String where, byte[] code, Assembly assembly) {
        List<CilInstruction> out = new ArrayList<>();
        int pc = 0;
        while (pc < code.length) {
            int start = pc;
            int b = code[pc++] & 0xFF;
            Opcode op;
            if (b == 0xFE) {
                if (pc == code.length) {
                    throw error(file, where, start, "code ends inside a two-byte opcode");
                }
                int second = code[pc++] & 0xFF;
                op = table.twoByte(second).orElseThrow(() -> error(file, where, start,
                        "unknown opcode 0xfe 0x%02x".formatted(second)));
            } else {
                op = table.oneByte(b).orElseThrow(() -> error(file, where, start, "unknown opcode 0x%02x".formatted(b)));
            }
            DecodeRecorder.record("cil", op.name());
            OperandKind kind = op.operand();
            int size = kind == OperandKind.SWITCH ? 4 : kind.size();
            if (size > code.length - pc) {
                throw error(file, where, start, "%s operand runs past the end of the code".formatted(op.name()));
            }
            long operand = read(code, pc, size, kind);
            pc += size;
            int[] targets = new int[0];
            if (kind == OperandKind.SWITCH) {
                long count = operand & 0xFFFFFFFFL;
                if (count > (code.length - pc) / 4) {
                    throw error(file, where, start, "switch of %d targets runs past the end of the code".formatted(count));
                }
                targets = new int[(int) count];
                int base = pc + 4 * (int) count;
                for (int i = 0; i < targets.length; i++) {
                    targets[i] = base + (int) read(code, pc, 4, OperandKind.INT32);
                    pc += 4;
                }
            } else if (kind == OperandKind.BRTARGET8 || kind == OperandKind.BRTARGET32) {
                operand += pc;
            }
            checkToken(file, where, start, op, operand, assembly);
            out.add(new CilInstruction(start, pc - start, op, operand, targets));
        }
        boolean[] starts = new boolean[code.length];
        for (CilInstruction insn : out) {
            starts[insn.offset()] = true;
        }
        for (CilInstruction insn : out) {
            OperandKind kind = insn.opcode().operand();
            if (kind == OperandKind.BRTARGET8 || kind == OperandKind.BRTARGET32) {
                checkTarget(file, where, insn, insn.operand(), starts);
            }
            for (int target : insn.targets()) {
                checkTarget(file, where, insn, target, starts);
            }
        }
        return out;
    }

    private static long read(byte[] code, int at, int size, OperandKind kind) {
        long v = 0;
        for (int i = size - 1; i >= 0; i--) {
            v = v << 8 | (code[at + i] & 0xFF);
        }
        return switch (kind) {
            case INT8, BRTARGET8 -> (byte) v;
            case INT32, BRTARGET32 -> (int) v;
            default -> v;
        };
    }

    private static void checkTarget(String file, String where, CilInstruction insn, long target, boolean[] starts) {
        if (target < 0 || target >= starts.length || !starts[(int) target]) {
            throw error(file, where, insn.offset(), "%s target IL_%04x is not the start of an instruction"
                    .formatted(insn.opcode().name(), target));
        }
    }

    private static void checkToken(String file, String where, int at, Opcode op, long operand, Assembly assembly) {
        OperandKind kind = op.operand();
        Metadata md = assembly.metadata();
        int token = (int) operand;
        if (kind == OperandKind.STRING) {
            int offset = token & 0xFFFFFF;
            if (token >>> 24 != US_TABLE || offset == 0 || offset >= md.userStrings().size()) {
                throw error(file, where, at, "ldstr token 0x%08x is not a string in #US (0x%x bytes)"
                        .formatted(token, md.userStrings().size()));
            }
        } else if (!kind.tables().isEmpty()) {
            Table t = Table.byNumber(token >>> 24);
            if (t == null || !kind.tables().contains(t) || !md.exists(new Token(t, token & 0xFFFFFF))) {
                throw error(file, where, at, "%s token 0x%08x is not a row of %s".formatted(op.name(), token,
                        kind.tables().stream().map(Table::specName).toList()));
            }
            if (t == Table.MEMBER_REF && kind != OperandKind.TOK) {
                boolean isMethod = assembly.memberRefSignature(token & 0xFFFFFF) instanceof MethodSig;
                if (isMethod != (kind == OperandKind.METHOD)) {
                    throw error(file, where, at, "%s token 0x%08x is a MemberRef to a %s".formatted(op.name(), token,
                            isMethod ? "method" : "field"));
                }
            }
        }
    }

    private static CilFormatException error(String file, String where, int offset, String detail) {
        return new CilFormatException(file, "%s IL_%04x".formatted(where, offset), detail);
    }
}
