package dev.mimic.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The terminal shared between the guest's serial console and the PC's monitor, with QEMU's
 * {@code -nographic} escapes: Ctrl-A c switches between the two, Ctrl-A x ends the emulator,
 * Ctrl-A Ctrl-A sends one Ctrl-A to the guest. The guest reads this stream (on its serial port's
 * reader thread); monitor lines are queued for the machine's thread to run between slices.
 */
final class ConsoleMux extends InputStream {
    private static final int ESCAPE = 0x01;
    /** What a Ctrl-A x queues: the monitor's quit. */
    static final String QUIT = "quit";

    private final InputStream terminal;
    private final ConcurrentLinkedQueue<String> monitorLines = new ConcurrentLinkedQueue<>();
    private final StringBuilder line = new StringBuilder();
    private volatile boolean monitor;
    private boolean escaped;

    ConsoleMux(InputStream terminal) {
        this.terminal = terminal;
    }

    /** Whether typing goes to the monitor. */
    boolean inMonitor() {
        return monitor;
    }

    /** The next complete monitor line, or null. */
    String nextMonitorLine() {
        return monitorLines.poll();
    }

    /** The next byte for the guest; monitor input and escapes are taken out on the way. */
    @Override
    public int read() throws IOException {
        while (true) {
            int b = terminal.read();
            if (b < 0) {
                return -1;
            }
            if (escaped) {
                escaped = false;
                switch (b) {
                    case 'c' -> {
                        monitor = !monitor;
                        monitorLines.add("");
                        continue;
                    }
                    case 'x' -> {
                        monitorLines.add(QUIT);
                        continue;
                    }
                    case ESCAPE -> {
                        if (!monitor) {
                            return ESCAPE;
                        }
                        continue;
                    }
                    default -> {
                        continue;
                    }
                }
            }
            if (b == ESCAPE) {
                escaped = true;
            } else if (!monitor) {
                return b;
            } else if (b == '\n') {
                monitorLines.add(line.toString().strip());
                line.setLength(0);
            } else if (b != '\r') {
                line.append((char) b);
            }
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int b = read();
        if (b < 0) {
            return -1;
        }
        buffer[offset] = (byte) b;
        return 1;
    }

    @Override
    public void close() throws IOException {
        terminal.close();
    }
}
