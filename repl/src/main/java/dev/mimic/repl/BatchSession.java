package dev.mimic.repl;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Runs workbench commands from a script ({@code --batch FILE}, or stdin when it is not a terminal).
 * Each command is echoed after the prompt, so the output reads as the session would have on a
 * terminal and can be compared with an expected transcript. Blank lines and {@code #} comments are
 * skipped; the script ends at {@code quit} or at its end.
 */
public final class BatchSession {
    private BatchSession() {
    }

    public static void run(Workbench workbench, BufferedReader script) throws IOException {
        for (String line; (line = script.readLine()) != null; ) {
            String command = line.strip();
            if (command.isEmpty() || command.startsWith("#")) {
                continue;
            }
            workbench.out().println(Workbench.PROMPT + command);
            if (!workbench.execute(command)) {
                return;
            }
        }
    }
}
