package dev.mimic.cli;

import dev.mimic.backend.machine.Machine;
import dev.mimic.repl.BatchSession;
import dev.mimic.repl.InteractiveSession;
import dev.mimic.repl.Workbench;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.file.Path;

/**
 * {@code mimic debug <machine> <args>}: the machine subcommands again, opening the workbench instead
 * of running to the end. Commands come from the terminal (JLine), from {@code --batch FILE}, or from
 * stdin when it is not a terminal, so that scripts and tests drive the same session a user would.
 */
@Command(name = "debug", customSynopsis = "mimic debug [--batch=FILE] MACHINE [MACHINE OPTIONS] ARGS...",
        description = "Opens the workbench (a debugger) on a machine: step, break, watch, examine, snapshot.")
final class DebugCommand implements Runnable {
    @Option(names = "--batch", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Runs the workbench commands in FILE, then exits. Without it, commands come from stdin when stdin is not a terminal.")
    Path batch;

    @Spec
    CommandSpec spec;

    private final Stdio io;

    DebugCommand(Stdio io) {
        this.io = io;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing machine: one of " + String.join(", ", spec.subcommands().keySet()));
    }

    /** Opens the workbench on the machine {@code command} builds; returns the exit status. */
    int debug(MachineCommand command) throws IOException {
        if (batch == null && onTerminal()) {
            return interactive(command);
        }
        // With commands on stdin the guest reads nothing: its input would be the script.
        try (BufferedReader script = batch != null ? new BufferedReader(new StringReader(InputFiles.read(batch)))
                : new BufferedReader(new InputStreamReader(io.in()))) {
            Machine machine = command.open(batch != null ? io.in() : InputStream.nullInputStream());
            PrintWriter out = io.writer();
            Workbench workbench = new Workbench(machine, out, command.engine.maxSteps(), command.machineCommands(machine));
            BatchSession.run(workbench, script);
            workbench.close();
            out.flush();
            command.engine.printStats(machine, io.err());
        }
        return 0;
    }

    private int interactive(MachineCommand command) throws IOException {
        Machine machine = command.open(io.in());
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            Workbench workbench = new Workbench(machine, terminal.writer(), command.engine.maxSteps(), command.machineCommands(machine));
            InteractiveSession.run(workbench, terminal, InteractiveSession.historyFile(System.getenv()));
            workbench.close();
        }
        command.engine.printStats(machine, io.err());
        return 0;
    }

    /**
     * True when the user sits at a terminal. {@code Console.isTerminal()} says so from Java 22, where a
     * console exists even for pipes; on Java 21 there is a console only for a terminal.
     */
    private static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
