package dev.mimic.repl;

import dev.mimic.backend.machine.SourcePosition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The guest program's source files as the workbench shows them after a stop: {@code 12  x := x + 1}
 * under the instruction, like GDB. Files are read once; a file that cannot be read shows only its
 * name and line.
 */
final class SourceText {
    private final Map<String, List<String>> files = new HashMap<>();

    /** {@code at prog.pas:12: <the line's text>}, or without the text when the file is unreadable. */
    String show(SourcePosition p) {
        List<String> lines = files.computeIfAbsent(p.file(), SourceText::read);
        String text = p.line() >= 1 && p.line() <= lines.size() ? ": " + lines.get(p.line() - 1).strip() : "";
        return "   at " + p + text;
    }

    private static List<String> read(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
