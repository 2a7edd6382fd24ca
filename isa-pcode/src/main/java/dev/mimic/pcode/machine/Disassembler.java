package dev.mimic.pcode.machine;

import dev.mimic.backend.machine.Disassembly;
import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.pcode.load.Mpb;
import dev.mimic.pcode.load.OperandKind;
import dev.mimic.pcode.load.P5Instruction;
import dev.mimic.pcode.load.P5Isa;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the code store back into P5 assembly, using the same table as the assembler: labels show
 * as addresses with the procedure they fall in, constants show their values.
 */
final class Disassembler {
    private final P5Isa isa = P5Isa.get();
    private final GuestMemory memory;
    private final Symbols symbols;
    private final long codeEnd;

    Disassembler(GuestMemory memory, Symbols symbols, long codeEnd) {
        this.memory = memory;
        this.symbols = symbols;
        this.codeEnd = codeEnd;
    }

    List<Disassembly> disassemble(long address, int count) {
        List<Disassembly> out = new ArrayList<>();
        long pc = address;
        for (int k = 0; k < count && pc >= 0 && pc < codeEnd; k++) {
            Optional<P5Instruction> insn = isa.decode(memory, pc);
            long next = insn.map(P5Instruction::next).orElse(pc + 1);
            String text = insn.isPresent() ? text(insn.get()) : String.format(Locale.ROOT, "db %d", memory.load8(pc));
            out.add(new Disassembly(pc, next, text, symbols.labelAt(pc)));
            pc = next;
        }
        return out;
    }

    private String text(P5Instruction insn) {
        StringBuilder s = new StringBuilder(insn.name());
        List<OperandKind> kinds = insn.op().operands();
        for (int k = 0; k < kinds.size(); k++) {
            int v = insn.operands()[k];
            s.append(k == 0 ? " " : ",").append(operand(insn, kinds.get(k), v));
        }
        return s.toString();
    }

    private String operand(P5Instruction insn, OperandKind kind, int v) {
        return switch (kind) {
            case LEVEL, ARGSIZE, INT, BOOL, PTRCHECK -> Integer.toString(v);
            case LABEL -> isCodeTarget(insn) ? v + symbols.symbolize(v).map(n -> " <" + n + ">").orElse("") : Integer.toString(v);
            case SP -> insn.procedure().name();
            case CHAR -> v >= ' ' && v <= '~' ? "'" + (char) v + "'" : Integer.toString(v);
            case REAL -> Double.toString(Double.longBitsToDouble(memory.load64(v)));
            case SET -> set(v);
            case STRING -> v + " '" + string(v) + "'";
            case BOUNDS -> memory.load32(v) + " " + memory.load32(v + Mpb.INT_SIZE);
            case PAD -> "";
        };
    }

    private static boolean isCodeTarget(P5Instruction insn) {
        return insn.op().flow() != P5Isa.Flow.NEXT || insn.name().equals("lpa");
    }

    private String set(int at) {
        StringBuilder s = new StringBuilder("(");
        for (int e = 0; e <= Mpb.SET_HIGH; e++) {
            if ((memory.load8(at + e / 8) & (1 << (e % 8))) != 0) {
                s.append(s.length() > 1 ? " " : "").append(e);
            }
        }
        return s.append(')').toString();
    }

    /**
     * The printable characters from a string constant's address, at most 40: the store does not
     * record a string's length, so this may run into the next constant.
     */
    private String string(int at) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < 40 && at + k < Mpb.STORE_SIZE - 1; k++) {
            int c = memory.load8(at + k);
            if (c < ' ' || c > '~') {
                break;
            }
            s.append((char) c);
        }
        return s.toString();
    }
}
