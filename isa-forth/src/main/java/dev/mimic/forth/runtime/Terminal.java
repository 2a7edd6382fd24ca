package dev.mimic.forth.runtime;

import dev.mimic.forth.LineSource;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The guest's console: EMIT and TYPE go to a buffered stdout (flushed before any input is read,
 * before error reports and when the machine stops), error reports to stderr, and lines and keys
 * come from a {@link LineSource}. Characters are bytes; text read is passed on as UTF-8.
 */
public final class Terminal {
    private final OutputStream out;
    private final PrintStream err;
    private final LineSource lines;
    private byte[] keys = new byte[0];
    private int nextKey;

    public Terminal(OutputStream out, PrintStream err, LineSource lines) {
        this.out = new BufferedOutputStream(out, 1 << 14);
        this.err = err;
        this.lines = lines;
    }

    public void write(int c) {
        try {
            out.write(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void print(String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints an error report on stderr, after what the guest wrote to stdout so far. */
    public void error(String text) {
        flush();
        err.print(text);
        err.flush();
    }

    /** The next line of input (for REFILL and ACCEPT), or null at the end of input. */
    public byte[] readLine() {
        if (nextKey < keys.length) {
            byte[] rest = Arrays.copyOfRange(keys, nextKey, keys.length);
            nextKey = keys.length;
            int end = rest.length > 0 && rest[rest.length - 1] == '\n' ? rest.length - 1 : rest.length;
            return Arrays.copyOf(rest, end);
        }
        flush();
        String line = lines.readLine("");
        return line == null ? null : line.getBytes(StandardCharsets.UTF_8);
    }

    /** The next character for KEY: lines are read whole and handed out with their newline; -1 at the end. */
    public int key() {
        if (nextKey >= keys.length) {
            byte[] line = readLine();
            if (line == null) {
                return -1;
            }
            keys = Arrays.copyOf(line, line.length + 1);
            keys[line.length] = '\n';
            nextKey = 0;
        }
        return keys[nextKey++] & 0xFF;
    }

    /** Whether KEY would return without reading a new line. */
    public boolean keyReady() {
        return nextKey < keys.length;
    }
}
