package dev.mimic.forth.debug;

import dev.mimic.backend.machine.Disassembly;
import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.forth.decode.PrimitiveTable;
import dev.mimic.forth.decode.PrimitiveTable.Primitive;
import dev.mimic.forth.dictionary.Dictionary;
import dev.mimic.forth.layout.Registers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.mimic.forth.layout.MemoryMap.CELL;

/**
 * Reads threaded code back as Forth: the debugger's disassembly (one thread cell and its operands
 * per line, calls shown by word name) and SEE (a whole definition). Both read the same instruction
 * table as the decoder, so what is shown is what runs.
 */
public final class Decompiler {
    private final GuestMemory memory;
    private final Dictionary dictionary;
    private final PrimitiveTable table = PrimitiveTable.get();

    public Decompiler(GuestMemory memory) {
        this.memory = memory;
        this.dictionary = new Dictionary(memory);
    }

    /** The primitive or kind of word {@code xt}, or null when xt is no execution token. */
    public Primitive kindOf(long xt) {
        if ((xt & (CELL - 1)) != 0 || xt < CELL * 2 || xt > memory.size() - 2 * CELL) {
            return null;
        }
        return table.byOpcode(memory.load64(xt));
    }

    /** The name of word xt; words without a name (:NONAME) show as their address. */
    public String nameOf(long xt) {
        Primitive p = kindOf(xt);
        if (p == null) {
            return "0x" + Long.toHexString(xt);
        }
        long info = dictionary.info(xt);
        int length = (int) (info & 0xFF);
        if (length == 0 || xt - 2 * CELL - length < 0) {
            return "<noname 0x" + Long.toHexString(xt) + ">";
        }
        return dictionary.name(xt);
    }

    /** Disassembles {@code count} instructions of the thread at {@code address}. */
    public List<Disassembly> disassemble(long address, int count) {
        List<Disassembly> out = new ArrayList<>();
        long at = address;
        for (int i = 0; i < count; i++) {
            if (Registers.isExecute(at)) {
                long xt = at & ~Registers.EXECUTE_TAG;
                out.add(new Disassembly(at, at + 1, "execute " + nameOf(xt), null));
                break;
            }
            if (at < 0 || at > memory.size() - CELL) {
                break;
            }
            long xt = memory.load64(at);
            Primitive p = kindOf(xt);
            if (p == null) {
                out.add(new Disassembly(at, at + CELL, ".cell 0x" + Long.toHexString(xt), null));
                at += CELL;
                continue;
            }
            long next = p.isKind() ? at + CELL : at + p.size(memory, at);
            out.add(new Disassembly(at, next, instruction(at, xt, p), null));
            at = next;
        }
        return out;
    }

    /** One instruction as text: the word's name and its inline operands. */
    private String instruction(long at, long xt, Primitive p) {
        StringBuilder s = new StringBuilder(nameOf(xt));
        long operand = at + CELL;
        if (!p.isKind()) {
            for (PrimitiveTable.OperandKind k : p.operands()) {
                s.append(' ');
                switch (k) {
                    case CELL -> s.append(memory.load64(operand));
                    case FLOAT -> s.append(Double.longBitsToDouble(memory.load64(operand))).append('e');
                    case ADDR -> s.append("0x").append(Long.toHexString(memory.load64(operand)));
                    case STRING -> s.append('"').append(text(operand + CELL, memory.load64(operand))).append('"');
                    case COUNTED -> s.append('"').append(text(operand + 1, memory.load8(operand))).append('"');
                }
                operand += CELL;
            }
        }
        return s.toString();
    }

    private String text(long at, long length) {
        byte[] bytes = new byte[(int) Math.max(0, Math.min(length, 4096))];
        memory.read(at, bytes, 0, bytes.length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** SEE: the definition of xt as Forth-like text, ending in a newline. */
    public String see(long xt) {
        Primitive p = kindOf(xt);
        if (p == null) {
            return "0x" + Long.toHexString(xt) + " is not an execution token\n";
        }
        String name = nameOf(xt);
        long body = xt + Dictionary.BODY;
        String text = switch (p.name()) {
            case "docol" -> ": " + name + "\n" + thread(body) + "\n";
            case "dovar" -> "Create " + name + "\n";
            case "docon" -> memory.load64(body) + " Constant " + name + "\n";
            case "dovalue" -> memory.load64(body) + " Value " + name + "\n";
            case "do2value" -> memory.load64(body + CELL) + " " + memory.load64(body) + " 2Value " + name + "\n";
            case "dofvalue" -> Double.longBitsToDouble(memory.load64(body)) + "e FValue " + name + "\n";
            case "dodefer" -> "Defer " + name + " ( is " + nameOf(memory.load64(body)) + " )\n";
            case "dodoes" -> "Create " + name + "\ndoes>\n" + thread(memory.load64(xt + CELL)) + "\n";
            default -> "Code " + name + " ( " + p.stack() + " )\n";
        };
        return dictionary.isImmediate(xt) && xt >= 2 * CELL ? text.replaceFirst("\n$", " immediate\n") : text;
    }

    /**
     * A definition's thread as source-like text, up to the EXIT that no branch jumps beyond:
     * literals as numbers and strings, the final EXIT as {@code ;}, branches with their targets.
     */
    private String thread(long start) {
        StringBuilder s = new StringBuilder(" ");
        long furthest = start;
        long at = start;
        for (int n = 0; n < 10_000 && at <= memory.size() - CELL; n++) {
            long xt = memory.load64(at);
            Primitive p = kindOf(xt);
            if (p == null) {
                s.append(" .cell 0x").append(Long.toHexString(xt));
                break;
            }
            long next = p.isKind() ? at + CELL : at + p.size(memory, at);
            if (!p.isKind() && p.operands().contains(PrimitiveTable.OperandKind.ADDR)) {
                furthest = Math.max(furthest, memory.load64(at + CELL));
            }
            boolean ends = (p.flow() == PrimitiveTable.Flow.RETURN && !p.name().equals("does"))
                    || p.flow() == PrimitiveTable.Flow.STOP
                    || (p.flow() == PrimitiveTable.Flow.JUMP && memory.load64(at + CELL) <= at);
            boolean last = ends && next > furthest;
            s.append(' ').append(source(at, xt, p, last));
            if (last) {
                break;
            }
            at = next;
        }
        return s.toString();
    }

    /** One instruction as SEE shows it: a literal as its value, the definition's last EXIT as ;. */
    private String source(long at, long xt, Primitive p, boolean last) {
        return switch (p.name()) {
            case "lit" -> Long.toString(memory.load64(at + CELL));
            case "flit" -> Double.longBitsToDouble(memory.load64(at + CELL)) + "e";
            case "slit" -> "s\" " + text(at + 2 * CELL, memory.load64(at + CELL)) + "\"";
            case "clit" -> "c\" " + text(at + CELL + 1, memory.load8(at + CELL)) + "\"";
            case "exit" -> last ? ";" : "exit";
            case "does" -> "does>";
            default -> instruction(at, xt, p);
        };
    }
}
