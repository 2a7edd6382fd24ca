package dev.mimic.x86.decode;

import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.machine.Disassembly;
import dev.mimic.x86.cpu.Vector;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints decoded instructions in Intel syntax, as {@code objdump -M intel} does
 * ({@code mov eax, DWORD PTR [ebx+ecx*4+0x10]}), from the same table the decoder uses.
 */
public final class X86Disassembler {
    private static final String[] REG32 = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"};
    private static final String[] REG16 = {"ax", "cx", "dx", "bx", "sp", "bp", "si", "di"};
    private static final String[] REG8 = {"al", "cl", "dl", "bl", "ah", "ch", "dh", "bh"};
    private static final String[] SEGMENT = {"es", "cs", "ss", "ds", "fs", "gs", "?", "?"};

    private X86Disassembler() {
    }

    /**
     * {@code count} instructions from {@code address} as the debugger lists them; bytes that cannot be
     * fetched read "(not mapped)", undecodable ones "(bad)", and the listing goes on at the next byte.
     */
    public static List<Disassembly> listing(X86Decoder decoder, X86Decoder.CodeBytes code, long address, int count,
                                            boolean code32) {
        List<Disassembly> out = new ArrayList<>();
        long at = address;
        for (int i = 0; i < count; i++) {
            try {
                DecodedInsn insn = decoder.decode(code, at, code32);
                out.add(new Disassembly(at, insn.next(), format(insn), null));
                at = insn.next();
            } catch (GuestFault f) {
                out.add(new Disassembly(at, at + 1, Vector.of(f) == Vector.PF ? "(not mapped)" : "(bad)", null));
                at++;
            }
        }
        return out;
    }

    /** The instruction as text. */
    public static String format(DecodedInsn insn) {
        StringBuilder s = new StringBuilder();
        if (insn.lock()) {
            s.append("lock ");
        }
        if (insn.pause()) {
            return "pause";
        }
        if (insn.repeat() != 0) {
            s.append(insn.form().rep() == OpForm.Rep.REPE ? (insn.repeat() == 0xF3 ? "repe " : "repne ") : "rep ");
        }
        s.append(insn.mnemonic());
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < insn.form().operands().size(); i++) {
            operands.add(operand(insn, i));
        }
        if (!operands.isEmpty()) {
            s.append(' ').append(String.join(", ", operands));
        }
        return s.toString();
    }

    private static String operand(DecodedInsn insn, int i) {
        OperandKind k = insn.operand(i);
        int w = k.bytes(insn.operandSize());
        return switch (k.method()) {
            case MODRM, MEMORY, MODRM_REGISTER -> insn.rmIsMemory() ? memory(insn, k, w) : register(insn.rm(), w);
            case REG -> register(insn.reg(), w);
            case OPCODE_REG -> register(insn.low(), w);
            case SEGMENT_REG -> SEGMENT[insn.reg()];
            case CONTROL_REG -> "cr" + insn.reg();
            case DEBUG_REG -> "dr" + insn.reg();
            case IMMEDIATE -> hex((firstImmediate(insn, i) ? insn.immediate() : insn.immediate2()) & mask(w));
            case RELATIVE -> hex(insn.next() + insn.immediate() & (insn.operandSize() == 2 ? 0xFFFF : 0xFFFF_FFFFL));
            case OFFSET -> size(w) + " PTR " + SEGMENT[insn.segmentFor(DecodedInsn.DS)] + ":" + hex(insn.displacement() & 0xFFFF_FFFFL);
            case FAR -> hex(insn.immediate2()) + ":" + hex(insn.immediate());
            case SOURCE_STRING -> size(w) + " PTR " + SEGMENT[insn.segmentFor(DecodedInsn.DS)] + ":["
                    + register(6, insn.addressSize()) + "]";
            case DEST_STRING -> size(w) + " PTR es:[" + register(7, insn.addressSize()) + "]";
            case FIXED -> switch (k) {
                case c1 -> "1";
                case CL -> "cl";
                case DX -> "dx";
                case AX -> "ax";
                default -> register(0, w);
            };
            case FIXED_SEGMENT -> k.name().toLowerCase();
            case FPU_TOP -> "st";
            case FPU_REG -> "st(" + insn.rm() + ")";
        };
    }

    private static boolean firstImmediate(DecodedInsn insn, int i) {
        for (int j = 0; j < i; j++) {
            if (insn.operand(j).method() == OperandKind.Method.IMMEDIATE) {
                return false;
            }
        }
        return true;
    }

    private static String memory(DecodedInsn insn, OperandKind k, int w) {
        StringBuilder s = new StringBuilder();
        if (k != OperandKind.M) {
            s.append(size(w)).append(" PTR ");
        }
        if (insn.segment() >= 0) {
            s.append(SEGMENT[insn.segment()]).append(':');
        }
        s.append('[');
        int size = insn.addressSize();
        boolean any = false;
        if (insn.base() >= 0) {
            s.append(register(insn.base(), size));
            any = true;
        }
        if (insn.index() >= 0) {
            s.append(any ? "+" : "").append(register(insn.index(), size)).append('*').append(1 << insn.scale());
            any = true;
        }
        int disp = insn.displacement();
        if (!any) {
            s.append(hex(disp & (size == 2 ? 0xFFFFL : 0xFFFF_FFFFL)));
        } else if (disp != 0) {
            s.append(disp < 0 ? "-" : "+").append(hex(Math.abs((long) disp)));
        }
        return s.append(']').toString();
    }

    private static String register(int n, int bytes) {
        return switch (bytes) {
            case 1 -> REG8[n];
            case 2 -> REG16[n];
            default -> REG32[n];
        };
    }

    private static String size(int bytes) {
        return switch (bytes) {
            case 1 -> "BYTE";
            case 2 -> "WORD";
            case 4 -> "DWORD";
            case 6 -> "FWORD";
            case 8 -> "QWORD";
            case 10 -> "TBYTE";
            default -> "";
        };
    }

    private static long mask(int bytes) {
        return bytes >= 4 ? 0xFFFF_FFFFL : (1L << 8 * bytes) - 1;
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
