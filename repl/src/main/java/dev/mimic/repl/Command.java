package dev.mimic.repl;

import java.util.List;

/**
 * One workbench command: its name and short aliases, a usage line and summary for {@code help},
 * what its arguments are (which drives completion), and the handler that runs it. The standard set
 * is listed in {@link CommandTable#standard()}, which doubles as the command reference.
 *
 * @param modifier whether the command takes a {@code /modifier} ({@code x/4xw})
 */
public record Command(String name, List<String> aliases, String usage, String summary, Arguments arguments,
                      boolean modifier, Handler handler) {
    /** Runs a command in a session; user errors are thrown as {@link CommandException}. */
    @FunctionalInterface
    public interface Handler {
        void run(Workbench workbench, Invocation invocation);
    }

    /** What a command's arguments are, so completion can offer the right words. */
    public enum Arguments {
        NONE,
        /** Addresses and expressions: registers and symbols. */
        LOCATION,
        REGISTERS,
        FILE,
        ENGINE,
        /** {@code on FILE} or {@code off}. */
        TRACE,
        /** {@code info} topics. */
        INFO,
        COMMAND
    }

    /** True when {@code word} is this command's name or one of its aliases. */
    public boolean answersTo(String word) {
        return name.equals(word) || aliases.contains(word);
    }
}
