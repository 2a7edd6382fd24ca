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
import java.util.function.Function;
import java.util.stream.Stream;

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

    /** The machines, in the order help lists them; {@code debug} takes each of them as its subcommand. */
    static final List<Subcommand> MACHINES = List.of(
            new Subcommand("x86", X86Command::new), new Subcommand("x86-user", X86UserCommand::new),
            new Subcommand("pascal", PascalCommand::new), new Subcommand("pcode", PcodeCommand::new),
            new Subcommand("forth", ForthCommand::new), new Subcommand("ofw", OfwCommand::new),
            new Subcommand("cil", CilCommand::new));

    /**
     * Every subcommand in the order help lists them, each made on demand: picocli builds a command's model
     * by reflecting on its annotations, which for all of them was a third of the main thread's start-up.
     */
    static final List<Subcommand> SUBCOMMANDS = Stream.concat(MACHINES.stream(), Stream.of(
            new Subcommand("debug", Main::debug), new Subcommand("demo", DemoCommand::new),
            new Subcommand("specs", SpecsCommand::new), new Subcommand("fcode", FcodeCommand::new))).toList();

    /** A subcommand's name, as its {@code @Command} annotation gives it, and how to make it. */
    record Subcommand(String name, Function<Stdio, Object> make) {}

    /**
     * Runs a command line against {@code io}; returns the exit status. A command line that starts with a
     * subcommand's name gets only that subcommand, which parses and reports exactly as it does among all the
     * others; any other (help, a root option, an unknown command) gets them all.
     */
    public static int run(Stdio io, String... args) {
        CommandLine root = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        boolean named = SUBCOMMANDS.stream().anyMatch(sub -> sub.name().equals(first));
        for (Subcommand sub : SUBCOMMANDS) {
            if (!named || sub.name().equals(first)) {
                root.addSubcommand(sub.name(), sub.make().apply(io));
            }
        }
        // Set last: these settings reach only the subcommands added before.
        root.setOut(new PrintWriter(io.out(), true));
        root.setErr(new PrintWriter(io.err(), true));
        root.setParameterExceptionHandler(Main::usageError);
        root.setExecutionExceptionHandler(Main::userError);
        return root.execute(args);
    }

    private static CommandLine debug(Stdio io) {
        CommandLine debug = new CommandLine(new DebugCommand(io));
        MACHINES.forEach(machine -> debug.addSubcommand(machine.name(), machine.make().apply(io)));
        return debug;
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
