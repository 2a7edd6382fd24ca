package dev.mimic.forth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Where the Forth terminal's lines come from: REFILL in the ok loop, ACCEPT and KEY read through
 * it. The command line plugs in a line editor (JLine) on a terminal; {@link #of} reads a plain
 * stream.
 */
@FunctionalInterface
public interface LineSource {
    /**
     * Reads one line, without its line terminator, after showing {@code prompt} (often empty: the
     * Forth system prints its own " ok"). Returns null at the end of input.
     */
    String readLine(String prompt);

    /**
     * Lines of {@code in}; each line read is echoed on {@code echo} (followed by a space, where the
     * terminal would have moved on) when it is not null, as gforth does when its input is not a
     * terminal, so a piped session reads like a typed one.
     */
    static LineSource of(InputStream in, PrintStream echo) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return prompt -> {
            try {
                String line = reader.readLine();
                if (line != null && echo != null) {
                    echo.print(line + " ");
                    echo.flush();
                }
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
