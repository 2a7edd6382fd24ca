package dev.mimic.cli;

import dev.mimic.backend.machine.MachineException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The {@code mimic} command: one subcommand per machine, {@code debug} to open the workbench on one,
 * {@code demo}, and {@code specs}.
 *
 * <p>Exit status: 0 when all went well; the guest's own status for machine runs; 2 for usage errors
 * and bad input files, reported in one line on stderr. Ctrl-C during a run ends the JVM the usual
 * way, with status 130. This is the only place that calls {@link System#exit}.
 */
@Command(name = "mimic", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"A multi-ISA emulator workbench on the JVM: one IR, one interpreter, one JIT, many machines.",
                "Every machine takes --engine=interp|jit|tiered, --stats, --max-steps N and --jit-threshold N;",
                "'mimic debug MACHINE ...' opens the workbench (a debugger) on any of them, 'mimic demo' shows it."})
public final class Main implements Callable<Integer> {
    /** The exit status for usage errors and unreadable input. */
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(Stdio.system(), args));
    }

    /** Runs a command line against {@code io}; returns the exit status. */
    public static int run(Stdio io, String... args) {
        CommandLine root = new CommandLine(new Main());
        machines(io).forEach(root::addSubcommand);
        CommandLine debug = new CommandLine(new DebugCommand(io));
        machines(io).forEach(debug::addSubcommand);
        root.addSubcommand(debug);
        root.addSubcommand(new DemoCommand(io));
        root.addSubcommand(new SpecsCommand(io));
        root.addSubcommand(new FcodeCommand(io));
        // Set last: these settings reach only the subcommands added before.
        root.setOut(new PrintWriter(io.out(), true));
        root.setErr(new PrintWriter(io.err(), true));
        root.setParameterExceptionHandler(Main::usageError);
        root.setExecutionExceptionHandler(Main::userError);
        return root.execute(args);
    }

    /** Fresh instances of every machine subcommand, in the order help lists them. */
    private static List<MachineCommand> machines(Stdio io) {
        return List.of(new X86Command(io), new X86UserCommand(io), new PascalCommand(io), new PcodeCommand(io),
                new ForthCommand(io), new OfwCommand(io), new CilCommand(io));
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine where = e.getCommandLine();
        String name = where.getCommandSpec().qualifiedName();
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException u && !where.getSubcommands().isEmpty()
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            message = "unknown command '" + u.getUnmatched().get(0) + "'";
        }
        where.getErr().println(name + ": " + message.replaceAll("\\R+", "; ") + " (see '" + name + " --help')");
        return USAGE;
    }

    private static int userError(Exception e, CommandLine where, ParseResult parsed) throws Exception {
        if (e instanceof MachineException) {
            where.getErr().println(where.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            return USAGE;
        }
        throw e;
    }
}
