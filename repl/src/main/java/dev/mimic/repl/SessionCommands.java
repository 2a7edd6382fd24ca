package dev.mimic.repl;

import dev.mimic.backend.debug.Snapshot;
import dev.mimic.backend.exec.Engine;
import dev.mimic.backend.exec.EngineKind;

import java.nio.file.Path;

/** The commands about the session itself: {@code trace}, {@code save}, {@code restore}, {@code engine}, {@code help}, {@code quit}. */
final class SessionCommands {
    private SessionCommands() {
    }

    static void trace(Workbench wb, Invocation inv) {
        Tracing tracing = wb.tracing();
        String args = inv.args();
        if (args.isEmpty()) {
            wb.out().println(tracing.path().map(p -> "Tracing to " + p).orElse("Tracing is off."));
        } else if (args.equals("off")) {
            wb.out().println(tracing.stop(wb.machine()).orElse("Tracing was off."));
        } else if (args.startsWith("on ")) {
            Path file = Path.of(args.substring(3).strip());
            tracing.start(wb.machine(), file);
            wb.out().println("Tracing to " + file);
        } else {
            throw new CommandException("expected 'trace on FILE' or 'trace off'");
        }
    }

    static void save(Workbench wb, Invocation inv) {
        Path file = file(inv);
        Snapshot.save(wb.machine(), file);
        wb.out().println("Saved " + file);
    }

    static void restore(Workbench wb, Invocation inv) {
        Path file = file(inv);
        Snapshot.restore(wb.machine(), file);
        wb.stateReplaced();
        wb.out().println("Restored " + file);
        wb.out().println(Listing.current(wb.machine()));
    }

    private static Path file(Invocation inv) {
        if (!inv.hasArgs()) {
            throw new CommandException("give a file name");
        }
        return Path.of(inv.args());
    }

    static void engine(Workbench wb, Invocation inv) {
        Engine engine = wb.engine();
        if (inv.hasArgs()) {
            engine.setKind(EngineKind.parse(inv.args()));
        }
        wb.out().println("Engine: " + engine.kind());
        wb.out().print(engine.stats().format(engine.context().instructions));
    }

    static void help(Workbench wb, Invocation inv) {
        if (inv.hasArgs()) {
            Command c = wb.commands().find(inv.args());
            wb.out().println(c.usage());
            wb.out().println("  " + c.summary());
            if (!c.aliases().isEmpty()) {
                wb.out().println("  Also: " + String.join(", ", c.aliases()));
            }
            return;
        }
        int width = wb.commands().commands().stream().mapToInt(c -> c.usage().length()).max().orElse(0);
        for (Command c : wb.commands().commands()) {
            wb.out().println("  " + c.usage() + " ".repeat(width - c.usage().length()) + "  " + c.summary());
        }
        wb.out().println("Addresses are expressions: 0x1c, main+4, sp - 8, with registers and symbols by name.");
        wb.out().println("Commands may be shortened to a unique prefix; Ctrl-C stops a run, Ctrl-D or quit ends the session.");
    }

    static void quit(Workbench wb, Invocation inv) {
        Arguments.none(inv);
        wb.requestQuit();
    }
}
