package dev.mimic.repl;

import dev.mimic.backend.debug.Condition;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The argument shapes commands share: counts, an expression followed by an optional count
 * ({@code disasm main 5}), and a trailing {@code if CONDITION}.
 */
final class Arguments {
    private static final Pattern IF = Pattern.compile("(?:^|\\s)if(?:\\s|$)");

    private Arguments() {
    }

    /** An expression with an optional count after it; {@code count} is empty when none was given. */
    record Counted(String expression, Optional<Integer> count) {
    }

    /** Text before and after the word {@code if}; {@code condition} is empty without one. */
    record Conditional(String subject, Optional<String> condition) {
    }

    static void none(Invocation inv) {
        if (inv.hasArgs()) {
            throw new CommandException("takes no arguments");
        }
    }

    /** A positive count, {@code absent} when the text is empty. */
    static int count(String text, int absent) {
        String digits = text.strip();
        if (digits.isEmpty()) {
            return absent;
        }
        if (digits.matches("0*[1-9]\\d{0,8}")) {
            return Integer.parseInt(digits);
        }
        throw new CommandException("expected a count of 1 or more, not '" + digits + "'");
    }

    /**
     * Splits {@code main 5} into an expression and a count. The whole text is an expression if it
     * parses as one ({@code pc + 4}); otherwise a last word that is a number is the count.
     */
    static Counted counted(String text) {
        try {
            Condition.parse(text);
            return new Counted(text, Optional.empty());
        } catch (IllegalArgumentException notOneExpression) {
            int space = text.lastIndexOf(' ');
            if (space < 0 || !text.substring(space + 1).matches("\\d+")) {
                throw new CommandException(notOneExpression.getMessage());
            }
            return new Counted(text.substring(0, space).strip(), Optional.of(count(text.substring(space + 1), 1)));
        }
    }

    static Conditional conditional(String text) {
        Matcher m = IF.matcher(text);
        if (!m.find()) {
            return new Conditional(text, Optional.empty());
        }
        String condition = text.substring(m.end()).strip();
        if (condition.isEmpty()) {
            throw new CommandException("'if' needs a condition");
        }
        return new Conditional(text.substring(0, m.start()).strip(), Optional.of(condition));
    }
}
