package dev.mimic.repl;

import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The workbench on a terminal: JLine line editing, a history file and Tab completion. Ctrl-C while
 * guest code runs interrupts the machine and returns to the prompt; Ctrl-C at the prompt only
 * clears the line; Ctrl-D or {@code quit} end the session.
 */
public final class InteractiveSession {
    private InteractiveSession() {
    }

    /** {@code $MIMIC_HISTORY}, else {@code ~/.mimic_history}. */
    public static Path historyFile(Map<String, String> environment) {
        String override = environment.get("MIMIC_HISTORY");
        return override != null && !override.isBlank() ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".mimic_history");
    }

    /** Reads and runs commands until the user quits; {@code workbench} must print to the terminal's writer. */
    public static void run(Workbench workbench, Terminal terminal, Path history) throws IOException {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("mimic")
                .completer(completer(workbench))
                .variable(LineReader.HISTORY_FILE, history)
                .build();
        terminal.handle(Terminal.Signal.INT, signal -> workbench.interrupt());
        try {
            for (;;) {
                String line;
                try {
                    line = reader.readLine(Workbench.PROMPT);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return;
                }
                if (!workbench.execute(line)) {
                    return;
                }
            }
        } finally {
            reader.getHistory().save();
        }
    }

    private static Completer completer(Workbench workbench) {
        Completer files = new Completers.FileNameCompleter();
        return (reader, line, candidates) -> {
            Completion c = Completion.of(workbench.commands(), workbench.machine(), line.words(), line.wordIndex());
            if (c.files()) {
                files.complete(reader, line, candidates);
            }
            c.words().forEach(word -> candidates.add(new Candidate(word)));
        };
    }
}
