package dev.mimic.pc.serial;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A serial port on host streams: {@code -serial stdio} (standard input and output) and
 * {@code -serial file:F} (output only). Each byte is flushed as it is written, so a guest console
 * appears as it is printed.
 */
public final class StreamBackend implements SerialBackend {
    private final OutputStream out;
    private final InputPump input;
    private final boolean ownsOutput;

    /**
     * @param in         where received bytes come from, or null for an output-only port
     * @param out        where transmitted bytes go
     * @param ownsOutput whether {@link #close()} closes {@code out} (a file) or leaves it open (stdout)
     */
    public StreamBackend(InputStream in, OutputStream out, boolean ownsOutput) {
        this.out = out;
        this.input = in == null ? null : new InputPump(in, "serial input");
        this.ownsOutput = ownsOutput;
    }

    @Override
    public void write(int b) {
        try {
            out.write(b);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("serial output failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int read() {
        return input == null ? -1 : input.poll();
    }

    @Override
    public boolean readable() {
        return input != null;
    }

    @Override
    public void close() {
        if (input != null) {
            input.stop();
        }
        try {
            if (ownsOutput) {
                out.close();
            } else {
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("closing serial output failed: " + e.getMessage(), e);
        }
    }
}
