package dev.mimic.repl;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One command line as typed: the command word, the GDB-style modifier after a slash ({@code 4xw} in
 * {@code x/4xw buf}) and the rest as raw text. Arguments stay text because address expressions may
 * contain spaces ({@code break main + 8 if r0 > 2}); each command takes the shape it needs.
 *
 * @param modifier the text after {@code /}, empty when there is none
 * @param args     the arguments, trimmed; empty when there are none
 */
public record Invocation(String name, String modifier, String args) {
    /** Parses a line; empty for blank lines; throws {@link CommandException} for lines that are no command. */
    public static Optional<Invocation> parse(String line) {
        String text = line.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int end = 0;
        while (end < text.length() && (Character.isLetter(text.charAt(end)) || end > 0 && isWordTail(text.charAt(end)))) {
            end++;
        }
        if (end == 0 || end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '/') {
            throw new CommandException("malformed command '" + text + "' (try 'help')");
        }
        String name = text.substring(0, end);
        String rest = text.substring(end);
        String modifier = "";
        if (rest.startsWith("/")) {
            int space = rest.indexOf(' ');
            modifier = space < 0 ? rest.substring(1) : rest.substring(1, space);
            rest = space < 0 ? "" : rest.substring(space);
        }
        return Optional.of(new Invocation(name, modifier, rest.strip()));
    }

    /** The name part of a command word such as {@code x/4xw}, for completion. */
    public static String commandWord(String word) {
        int slash = word.indexOf('/');
        return slash < 0 ? word : word.substring(0, slash);
    }

    private static boolean isWordTail(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_';
    }

    /** The arguments split at white space. */
    public List<String> words() {
        return args.isEmpty() ? List.of() : Arrays.asList(args.split("\\s+"));
    }

    public boolean hasArgs() {
        return !args.isEmpty();
    }
}
