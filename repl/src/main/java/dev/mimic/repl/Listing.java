package dev.mimic.repl;

import dev.mimic.backend.machine.Disassembly;
import dev.mimic.backend.machine.Machine;

import java.util.ArrayList;
import java.util.List;

/**
 * Disassembly as the workbench shows it, GDB-style: {@code => 0x1c <main+4>:  ldci 5}, the arrow
 * marking the instruction at the pc. One format for {@code disasm}, {@code x/i}, the stop display
 * and trace files, so they can be compared line by line.
 */
final class Listing {
    private Listing() {
    }

    /** One line per instruction, the address columns padded so the instructions line up. */
    static List<String> lines(Machine machine, List<Disassembly> code) {
        long pc = pc(machine);
        return columns(code.stream().map(d -> (d.address() == pc ? "=> " : "   ") + head(machine, d.address())).toList(),
                code.stream().map(Disassembly::text).toList());
    }

    /** Lines of a head and a body, the heads padded to one width so that the bodies line up. */
    static List<String> columns(List<String> heads, List<String> bodies) {
        int width = heads.stream().mapToInt(String::length).max().orElse(0);
        List<String> lines = new ArrayList<>(heads.size());
        for (int i = 0; i < heads.size(); i++) {
            lines.add(heads.get(i) + " ".repeat(width - heads.get(i).length()) + "  " + bodies.get(i));
        }
        return lines;
    }

    /** The instruction at the pc, marked, as shown after every stop. */
    static String current(Machine machine) {
        List<Disassembly> code = machine.disassemble(pc(machine), 1);
        return code.isEmpty() ? "=> " + head(machine, pc(machine)) + "  (no instruction)" : lines(machine, code).get(0);
    }

    /** The instruction at {@code address} without a marker, as trace files list what ran. */
    static String plain(Machine machine, long address) {
        List<Disassembly> code = machine.disassemble(address, 1);
        return head(machine, address) + "  " + (code.isEmpty() ? "(no instruction)" : code.get(0).text());
    }

    /** {@code 0x1c <main+4>:} for the start of a listing line. */
    static String head(Machine machine, long address) {
        return Expressions.hex(address) + machine.symbolize(address).map(s -> " <" + s + ">").orElse("") + ":";
    }

    static long pc(Machine machine) {
        return machine.register(machine.pcRegister());
    }
}
