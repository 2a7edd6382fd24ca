package dev.mimic.pc.serial;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Reads a blocking host stream (a terminal, a socket) on a daemon thread and queues its bytes for
 * the machine's thread to take without waiting. Ends quietly at end of stream or on close.
 */
final class InputPump {
    private final LinkedBlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();
    private final Thread thread;

    InputPump(InputStream in, String name) {
        thread = new Thread(() -> pump(in), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void pump(InputStream in) {
        try {
            for (int b = in.read(); b >= 0; b = in.read()) {
                bytes.add(b);
            }
        } catch (IOException e) {
            // The stream was closed under the reader: the port simply receives nothing more.
        }
    }

    int poll() {
        Integer b = bytes.poll();
        return b == null ? -1 : b;
    }

    void stop() {
        thread.interrupt();
    }
}
