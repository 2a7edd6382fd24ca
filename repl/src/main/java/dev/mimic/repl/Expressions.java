package dev.mimic.repl;

import dev.mimic.backend.debug.Condition;
import dev.mimic.backend.machine.Machine;

import java.util.Optional;
import java.util.Set;

/**
 * Addresses and conditions as the user types them, in {@link Condition}'s syntax: {@code 0x1c},
 * {@code main+4}, {@code sp - 8}, {@code queens.pas:12}. A name is a register first, then a machine
 * symbol, so the same expression means the same thing on every machine. A machine symbol that is the
 * whole text is taken as it is, since Forth words such as {@code ofw-banner} or {@code 2dup} are
 * not arithmetic.
 */
public final class Expressions {
    private final Machine machine;

    public Expressions(Machine machine) {
        this.machine = machine;
    }

    /** Evaluates an address or value expression; throws {@link CommandException} for syntax errors and unknown names. */
    public long value(String text) {
        if (text.isBlank()) {
            throw new CommandException("missing address");
        }
        String whole = text.strip();
        if (!machine.registerNames().contains(whole)) {
            Optional<Long> symbol = machine.resolve(whole);
            if (symbol.isPresent()) {
                return symbol.get();
            }
        }
        try {
            return Condition.parse(text).value(this::lookup);
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
    }

    /**
     * Parses a breakpoint or watchpoint condition and checks that its names exist now, rather than
     * failing on the first evaluation in the middle of a run. Conditions see registers (that is how
     * the engine evaluates them) plus {@code extraNames} such as a watchpoint's {@code value}.
     */
    public Condition condition(String text, Set<String> extraNames) {
        Condition c;
        try {
            c = Condition.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
        try {
            c.value(name -> extraNames.contains(name) ? 0 : register(name));
        } catch (UnknownName e) {
            throw new CommandException(e.getMessage() + " in condition");
        } catch (IllegalArgumentException e) {
            // Division by zero with today's register values: the condition is well formed, it may hold later.
        }
        return c;
    }

    /** {@code 0x1c (main+4)}, or just the address where no symbol covers it. */
    public String location(long address) {
        return hex(address) + machine.symbolize(address).map(s -> " (" + s + ")").orElse("");
    }

    /** Formats an address or value as {@code 0x}-prefixed unsigned hexadecimal. */
    public static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    private long lookup(String name) {
        if (machine.registerNames().contains(name)) {
            return machine.register(name);
        }
        return machine.resolve(name).orElseThrow(() -> new UnknownName("no register or symbol '" + name + "'"));
    }

    private long register(String name) {
        if (!machine.registerNames().contains(name)) {
            throw new UnknownName("no register '" + name + "'");
        }
        return machine.register(name);
    }

    /** A name that is neither a register nor a symbol; kept apart from arithmetic errors. */
    private static final class UnknownName extends IllegalArgumentException {
        UnknownName(String message) {
            super(message);
        }
    }
}
