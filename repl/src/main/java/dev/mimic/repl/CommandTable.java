package dev.mimic.repl;

import dev.mimic.repl.Command.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The workbench's commands, the same on every machine, after SIMH's and GDB's small orthogonal
 * sets. {@link #standard()} is the reference: each entry's usage and summary are what {@code help}
 * prints. A command may be typed as its name, an alias, or a prefix that names only one command.
 */
public final class CommandTable {
    private final List<Command> commands;

    public CommandTable(List<Command> commands) {
        this.commands = List.copyOf(commands);
    }

    public static CommandTable standard() {
        return new CommandTable(List.of(
                new Command("step", List.of("s"), "step [N]",
                        "execute N source lines (default 1; instructions where there are no lines), into calls",
                        Arguments.NONE, false, Stepping::step),
                new Command("next", List.of("n"), "next [N]",
                        "execute N source lines (or instructions), running calls through to their return",
                        Arguments.NONE, false, Stepping::next),
                new Command("stepi", List.of("si"), "stepi [N]",
                        "execute N instructions (default 1), into calls", Arguments.NONE, false, Stepping::stepInstruction),
                new Command("nexti", List.of("ni"), "nexti [N]",
                        "execute N instructions, running calls through to their return", Arguments.NONE, false,
                        Stepping::nextInstruction),
                new Command("finish", List.of(), "finish",
                        "run until the current procedure returns to its caller", Arguments.NONE, false, Stepping::finish),
                new Command("continue", List.of("c"), "continue",
                        "run until a breakpoint, a watchpoint, the program's end or Ctrl-C", Arguments.NONE, false, Stepping::cont),
                new Command("reset", List.of(), "reset",
                        "put the machine back at the start of the program", Arguments.NONE, false, Stepping::reset),
                new Command("break", List.of("b"), "break LOCATION [if COND]",
                        "stop before the instruction at LOCATION (address, symbol, expression)", Arguments.LOCATION, false, Breakpoints::breakpoint),
                new Command("watch", List.of(), "watch ADDR [LEN] [read|write|access] [if COND]",
                        "stop after an instruction touches LEN bytes (default 4, write)", Arguments.LOCATION, false, Breakpoints::watch),
                new Command("delete", List.of("d"), "delete [N...]",
                        "delete breakpoints and watchpoints N..., or all of them", Arguments.NONE, false, Breakpoints::delete),
                new Command("info", List.of("i"), "info breaks",
                        "list breakpoints and watchpoints", Arguments.INFO, false, Breakpoints::info),
                new Command("regs", List.of(), "regs [REG...]",
                        "show registers in hex and decimal", Arguments.REGISTERS, false, Inspection::regs),
                new Command("x", List.of(), "x/NFS ADDR",
                        "examine N units of memory: F in x d u o c s i, S in b h w g (default x/1xw)", Arguments.LOCATION, true, Inspection::examine),
                new Command("disasm", List.of(), "disasm [ADDR] [N]",
                        "disassemble N instructions (default 8) from ADDR (default the pc)", Arguments.LOCATION, false, Inspection::disasm),
                new Command("bt", List.of("backtrace", "where"), "bt",
                        "show the call stack, innermost frame first", Arguments.NONE, false, Inspection::backtrace),
                new Command("trace", List.of(), "trace on FILE | trace off",
                        "write every instruction about to run to FILE", Arguments.TRACE, false, SessionCommands::trace),
                new Command("save", List.of(), "save FILE",
                        "write a snapshot of the machine to FILE", Arguments.FILE, false, SessionCommands::save),
                new Command("restore", List.of(), "restore FILE",
                        "bring the machine back to a snapshot written by save", Arguments.FILE, false, SessionCommands::restore),
                new Command("engine", List.of(), "engine [interp|jit|tiered]",
                        "show execution statistics, or switch how guest code runs", Arguments.ENGINE, false, SessionCommands::engine),
                new Command("help", List.of("h"), "help [COMMAND]",
                        "list the commands, or explain one", Arguments.COMMAND, false, SessionCommands::help),
                new Command("quit", List.of("q", "exit"), "quit",
                        "end the session", Arguments.NONE, false, SessionCommands::quit)));
    }

    /** This table with a machine's own commands after the standard ones ({@code screendump} on the PC). */
    public CommandTable with(List<Command> extra) {
        List<Command> all = new ArrayList<>(commands);
        all.addAll(extra);
        return new CommandTable(all);
    }

    public List<Command> commands() {
        return commands;
    }

    /** The command {@code word} names: by name or alias, else as the prefix of exactly one name. */
    public Optional<Command> lookup(String word) {
        for (Command c : commands) {
            if (c.answersTo(word)) {
                return Optional.of(c);
            }
        }
        List<Command> candidates = startingWith(word);
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /** Like {@link #lookup}, but says why there is no such command. */
    public Command find(String word) {
        return lookup(word).orElseThrow(() -> {
            List<String> candidates = startingWith(word).stream().map(Command::name).toList();
            return new CommandException(candidates.isEmpty() ? "unknown command '" + word + "' (try 'help')"
                    : "ambiguous command '" + word + "': " + String.join(", ", candidates));
        });
    }

    private List<Command> startingWith(String prefix) {
        return commands.stream().filter(c -> c.name().startsWith(prefix)).toList();
    }
}
