package dev.mimic.pcode.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Standard input, read by a daemon thread so that a program blocked in {@code read} still notices
 * an interrupt request (Ctrl-C): the machine thread waits on a queue in short slices and gives up
 * with {@link P5Error#INTERRUPTED} when asked to stop. Nothing is read before the program first
 * reads input.
 */
final class ConsoleInput implements ByteInput {
    private static final byte[] END = new byte[0];

    private final InputStream in;
    private final BooleanSupplier interruptRequested;
    private final Runnable beforeBlocking;
    private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private Thread reader;
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    /**
     * @param beforeBlocking runs before the machine waits for input (flushes prompts to the terminal)
     */
    ConsoleInput(InputStream in, BooleanSupplier interruptRequested, Runnable beforeBlocking) {
        this.in = in;
        this.interruptRequested = interruptRequested;
        this.beforeBlocking = beforeBlocking;
    }

    @Override
    public int peek() {
        while (position >= current.length) {
            if (ended) {
                return -1;
            }
            next();
        }
        return current[position] & 0xFF;
    }

    @Override
    public void skip() {
        if (peek() >= 0) {
            position++;
        }
    }

    private void next() {
        if (reader == null) {
            reader = new Thread(this::pump, "pcode-stdin");
            reader.setDaemon(true);
            reader.start();
        }
        byte[] chunk = chunks.poll();
        if (chunk == null) {
            beforeBlocking.run();
            try {
                while ((chunk = chunks.poll(20, TimeUnit.MILLISECONDS)) == null) {
                    if (interruptRequested.getAsBoolean()) {
                        throw P5Error.INTERRUPTED.fault();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw P5Error.INTERRUPTED.fault();
            }
        }
        if (chunk == END) {
            ended = true;
        } else {
            current = chunk;
            position = 0;
        }
    }

    private void pump() {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (n > 0) {
                    chunks.add(Arrays.copyOf(buffer, n));
                }
            }
        } catch (IOException e) {
            // A broken standard input reads as its end, as for any reader of a closed pipe.
        }
        chunks.add(END);
    }
}
