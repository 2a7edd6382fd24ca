package dev.mimic.repl;

import dev.mimic.backend.exec.Engine;
import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.exec.StopEvent;
import dev.mimic.backend.machine.Machine;
import dev.mimic.backend.machine.MachineException;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * A debugging session on one machine: runs command lines against it and prints what they show to
 * {@code out}, the same for a terminal, a batch script and the demo. The guest's own output goes
 * wherever the machine was told to write it.
 *
 * <p>Every error a command meets (a malformed line, an unknown symbol, a corrupt snapshot, an
 * address outside memory) is printed as one line and the session goes on: a debugger that dies on
 * a typo loses the state the user was looking at.
 */
public final class Workbench {
    /** The prompt, also echoed before each command of a batch script so transcripts read like sessions. */
    public static final String PROMPT = "(mimic) ";

    private final Machine machine;
    private final PrintWriter out;
    private final long runBudget;
    private final CommandTable commands;
    private final Expressions expressions;
    private final Tracing tracing = new Tracing();
    private final SourceText sources = new SourceText();
    private StopEvent ended;
    private volatile boolean interrupted;
    private boolean quit;

    /**
     * @param runBudget the most guest instructions one command may run ({@code --max-steps}),
     *                  {@link Long#MAX_VALUE} for no limit
     */
    public Workbench(Machine machine, PrintWriter out, long runBudget) {
        this(machine, out, runBudget, List.of());
    }

    /** @param machineCommands commands only this machine has, listed after the standard ones */
    public Workbench(Machine machine, PrintWriter out, long runBudget, List<Command> machineCommands) {
        this.commands = CommandTable.standard().with(machineCommands);
        this.machine = machine;
        this.out = out;
        this.runBudget = runBudget;
        this.expressions = new Expressions(machine);
    }

    /** Runs one command line; false once the session should end ({@code quit}). */
    public boolean execute(String line) {
        interrupted = false;
        String name = null;
        try {
            Optional<Invocation> parsed = Invocation.parse(line);
            if (parsed.isPresent()) {
                Invocation invocation = parsed.get();
                Command command = commands.find(invocation.name());
                name = command.name();
                if (!command.modifier() && !invocation.modifier().isEmpty()) {
                    throw new CommandException("takes no /" + invocation.modifier());
                }
                command.handler().run(this, invocation);
            }
        } catch (CommandException | MachineException | GuestFault | IllegalArgumentException e) {
            out.println(prefix(name) + e.getMessage());
        } catch (RuntimeException e) {
            // A machine bug must not end the session and lose its state; the class names the bug.
            out.println(prefix(name) + "internal error: " + e);
        }
        out.flush();
        return !quit;
    }

    private static String prefix(String command) {
        return command == null ? "" : command + ": ";
    }

    /** Stops a running command soon (Ctrl-C); safe from any thread. */
    public void interrupt() {
        interrupted = true;
        machine.engine().interrupt();
    }

    /** Ends the session's side effects (an open trace file). */
    public void close() {
        tracing.stop(machine);
    }

    public Machine machine() {
        return machine;
    }

    public PrintWriter out() {
        return out;
    }

    CommandTable commands() {
        return commands;
    }

    Engine engine() {
        return machine.engine();
    }

    Expressions expressions() {
        return expressions;
    }

    Tracing tracing() {
        return tracing;
    }

    long runBudget() {
        return runBudget;
    }

    boolean interrupted() {
        return interrupted;
    }

    void requestQuit() {
        quit = true;
    }

    /** Refuses to run a machine whose program has ended; restore or reset bring it back. */
    void requireRunnable() {
        if (ended != null) {
            throw new CommandException("the program has ended (" + ended.message() + "); use restore or reset");
        }
    }

    /** Forgets that the program ended: the machine's state was replaced. */
    void stateReplaced() {
        ended = null;
    }

    /** Flushes the session's output before guest code runs, so the guest's output lands after it. */
    void beforeRun() {
        out.flush();
    }

    /**
     * Reports why a run stopped in one line (nothing for a plain step), then the instruction at the
     * pc unless the program has ended.
     */
    void showStop(StopEvent e) {
        describe(e).ifPresent(out::println);
        if (e.terminal()) {
            ended = e;
        } else {
            out.println(Listing.current(machine));
            machine.sourcePosition(Listing.pc(machine)).ifPresent(p -> out.println(sources.show(p)));
        }
    }

    private Optional<String> describe(StopEvent e) {
        String at = expressions.location(e.pc());
        return Optional.ofNullable(switch (e.kind()) {
            case STEPPED -> null;
            case BREAKPOINT -> "Breakpoint " + e.id() + " at " + at;
            case WATCHPOINT -> Character.toUpperCase(e.message().charAt(0)) + e.message().substring(1);
            case EXITED -> "Program exited with code " + e.exitCode();
            case FAULTED -> "Program stopped at " + at + ": " + e.message();
            case LIMIT -> "Stopped at " + at + ": " + e.message() + " (" + runBudget + " instructions)";
            case INTERRUPTED -> "Interrupted at " + at;
        });
    }
}
