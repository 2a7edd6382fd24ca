package dev.mimic.repl;

import dev.mimic.backend.machine.Machine;

import java.util.ArrayList;
import java.util.List;

/**
 * What Tab offers: command names first, then what the command's arguments are (registers and
 * symbols for locations, engine names, {@code info} topics, files). Kept apart from JLine so it can
 * be tested with plain word lists; the line reader filters the candidates by what was typed.
 *
 * @param words candidate words
 * @param files whether file names fit here too
 */
public record Completion(List<String> words, boolean files) {
    /** Candidates for word {@code index} of {@code words} (the command word is index 0). */
    public static Completion of(CommandTable table, Machine machine, List<String> words, int index) {
        if (index == 0) {
            return new Completion(names(table), false);
        }
        Command command = table.lookup(Invocation.commandWord(words.get(0))).orElse(null);
        if (command == null) {
            return new Completion(List.of(), false);
        }
        return switch (command.arguments()) {
            case NONE -> new Completion(List.of(), false);
            case LOCATION -> {
                List<String> names = new ArrayList<>(machine.registerNames());
                names.addAll(machine.symbolNames());
                yield new Completion(names, false);
            }
            case REGISTERS -> new Completion(machine.registerNames(), false);
            case FILE -> new Completion(List.of(), true);
            case ENGINE -> new Completion(List.of("interp", "jit", "tiered"), false);
            case TRACE -> index == 1 ? new Completion(List.of("on", "off"), false)
                    : new Completion(List.of(), words.get(1).equals("on"));
            case INFO -> new Completion(List.of("breaks"), false);
            case COMMAND -> new Completion(names(table), false);
        };
    }

    private static List<String> names(CommandTable table) {
        return table.commands().stream().map(Command::name).toList();
    }
}
