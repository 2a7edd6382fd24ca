package dev.mimic.repl;

import dev.mimic.backend.debug.Breakpoint;
import dev.mimic.backend.debug.Condition;
import dev.mimic.backend.debug.DebugPoints;
import dev.mimic.backend.debug.Watchpoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code break}, {@code watch}, {@code delete} and {@code info breaks}: the workbench face of the
 * engine's {@link DebugPoints}, which number breakpoints and watchpoints in one sequence.
 */
final class Breakpoints {
    /** The names a watchpoint condition may use besides registers: the accessed value after and before. */
    private static final Set<String> WATCH_NAMES = Set.of("value", "old");
    private static final int DEFAULT_WATCH_LENGTH = 4;

    private Breakpoints() {
    }

    static void breakpoint(Workbench wb, Invocation inv) {
        Arguments.Conditional where = Arguments.conditional(inv.args());
        if (where.subject().isEmpty()) {
            throw new CommandException("give a location: an address, a symbol or an expression");
        }
        long address = wb.expressions().value(where.subject());
        Condition condition = where.condition().map(c -> wb.expressions().condition(c, Set.of())).orElse(null);
        Breakpoint b = wb.engine().debugPoints().addBreakpoint(address, where.subject(), condition);
        wb.out().println("Breakpoint " + b.id() + " at " + wb.expressions().location(address) + suffix(condition));
    }

    static void watch(Workbench wb, Invocation inv) {
        Arguments.Conditional where = Arguments.conditional(inv.args());
        String subject = where.subject();
        Watchpoint.Access access = Watchpoint.Access.WRITE;
        String last = subject.substring(subject.lastIndexOf(' ') + 1);
        if (Set.of("read", "write", "access").contains(last)) {
            access = Watchpoint.Access.valueOf(last.toUpperCase(Locale.ROOT));
            subject = subject.substring(0, subject.length() - last.length()).strip();
        }
        if (subject.isEmpty()) {
            throw new CommandException("give an address, and optionally a length and read, write or access");
        }
        Arguments.Counted range = Arguments.counted(subject);
        long address = wb.expressions().value(range.expression());
        int length = range.count().orElse(DEFAULT_WATCH_LENGTH);
        Condition condition = where.condition().map(c -> wb.expressions().condition(c, WATCH_NAMES)).orElse(null);
        Watchpoint w = wb.engine().debugPoints().addWatchpoint(address, length, access, range.expression(), condition);
        wb.out().println("Watchpoint " + w.id() + " at " + wb.expressions().location(address) + ", "
                + describe(w) + suffix(condition));
    }

    static void delete(Workbench wb, Invocation inv) {
        DebugPoints points = wb.engine().debugPoints();
        if (!inv.hasArgs()) {
            int n = points.userBreakpoints().size() + points.userWatchpoints().size();
            points.deleteAll();
            wb.out().println(n == 0 ? "No breakpoints or watchpoints." : "Deleted all breakpoints and watchpoints (" + n + ")");
            return;
        }
        for (String word : inv.words()) {
            int id = Arguments.count(word, 0);
            String kind = points.userBreakpoints().stream().anyMatch(b -> b.id() == id) ? "breakpoint"
                    : points.userWatchpoints().stream().anyMatch(w -> w.id() == id) ? "watchpoint" : null;
            if (kind == null) {
                throw new CommandException("no breakpoint or watchpoint " + id);
            }
            points.delete(id);
            wb.out().println("Deleted " + kind + " " + id);
        }
    }

    static void info(Workbench wb, Invocation inv) {
        switch (inv.args()) {
            case "breaks", "break", "breakpoints", "watchpoints" -> list(wb);
            case "" -> throw new CommandException("what? try 'info breaks'");
            default -> throw new CommandException("no topic '" + inv.args() + "' (try 'info breaks')");
        }
    }

    private static void list(Workbench wb) {
        DebugPoints points = wb.engine().debugPoints();
        List<String[]> rows = new ArrayList<>();
        for (Breakpoint b : points.userBreakpoints()) {
            rows.add(new String[] {String.valueOf(b.id()), "breakpoint", wb.expressions().location(b.address()),
                    b.label() + suffix(b.condition())});
        }
        for (Watchpoint w : points.userWatchpoints()) {
            rows.add(new String[] {String.valueOf(w.id()), "watchpoint", wb.expressions().location(w.address()),
                    w.label() + ", " + describe(w) + suffix(w.condition())});
        }
        if (rows.isEmpty()) {
            wb.out().println("No breakpoints or watchpoints.");
            return;
        }
        rows.sort(Comparator.comparingInt(row -> Integer.parseInt(row[0])));
        rows.add(0, new String[] {"Num", "Type", "Address", "What"});
        int[] width = new int[3];
        for (String[] row : rows) {
            for (int c = 0; c < width.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            wb.out().printf("%-" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %s%n", (Object[]) row);
        }
    }

    private static String describe(Watchpoint w) {
        return w.length() + (w.length() == 1 ? " byte, " : " bytes, ") + w.access().name().toLowerCase(Locale.ROOT);
    }

    private static String suffix(Condition condition) {
        return condition == null ? "" : " if " + condition;
    }
}
