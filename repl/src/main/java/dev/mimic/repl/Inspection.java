package dev.mimic.repl;

import dev.mimic.backend.machine.Machine;
import dev.mimic.backend.machine.StackFrame;

import java.util.List;
import java.util.stream.Collectors;

/** The commands that look at the machine without running it: {@code regs}, {@code x}, {@code disasm}, {@code bt}. */
final class Inspection {
    private static final int DISASM_LINES = 8;

    private Inspection() {
    }

    static void regs(Workbench wb, Invocation inv) {
        Machine m = wb.machine();
        List<String> names = inv.hasArgs() ? inv.words() : m.registerNames();
        for (String name : names) {
            if (!m.registerNames().contains(name)) {
                throw new CommandException("no register '" + name + "' (registers: " + String.join(" ", m.registerNames()) + ")");
            }
        }
        int width = names.stream().mapToInt(String::length).max().orElse(0);
        for (String name : names) {
            long v = m.register(name);
            wb.out().println(name + " ".repeat(width - name.length()) + " = " + Expressions.hex(v) + " (" + v + ")");
        }
    }

    static void examine(Workbench wb, Invocation inv) {
        ExamineFormat format = ExamineFormat.parse(inv.modifier());
        if (!inv.hasArgs()) {
            throw new CommandException("give an address, as in x/4xw sp");
        }
        format.render(wb.machine(), wb.expressions().value(inv.args())).forEach(wb.out()::println);
    }

    static void disasm(Workbench wb, Invocation inv) {
        long address = Listing.pc(wb.machine());
        int count = DISASM_LINES;
        if (inv.hasArgs()) {
            Arguments.Counted where = Arguments.counted(inv.args());
            address = wb.expressions().value(where.expression());
            count = where.count().orElse(DISASM_LINES);
        }
        Listing.lines(wb.machine(), wb.machine().disassemble(address, count)).forEach(wb.out()::println);
    }

    static void backtrace(Workbench wb, Invocation inv) {
        Arguments.none(inv);
        List<StackFrame> stack = wb.machine().callStack();
        if (stack.isEmpty()) {
            wb.out().println("No stack.");
        }
        for (int i = 0; i < stack.size(); i++) {
            wb.out().println("#" + i + "  " + frame(wb, stack.get(i)));
        }
    }

    /** {@code queens (row = 3, col = 1) at 0x1c (queens+12)}. */
    static String frame(Workbench wb, StackFrame frame) {
        String variables = frame.variables().stream().map(v -> v.name() + " = " + v.value()).collect(Collectors.joining(", "));
        return frame.procedure() + (variables.isEmpty() ? "" : " (" + variables + ")") + " at " + wb.expressions().location(frame.pc());
    }
}
