package dev.mimic.x86.baremetal;

import dev.mimic.x86.system.InterruptRequests;
import dev.mimic.x86.system.IoPorts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The smallest board a bare-metal test image needs: COM1's transmit register collects bytes (its line
 * status always reads "transmitter empty", its scratch register keeps a byte), the isa-debug-exit
 * port 0xF4 ends the run as QEMU's does,
 * one interrupt line a test can raise through port 0xF8 (its vector is the byte written), and an NMI
 * pin signalled by any write to port 0xF9.
 */
final class TestBoard implements IoPorts, InterruptRequests {
    static final int COM1 = 0x3F8, EXIT = 0xF4, RAISE = 0xF8, NMI = 0xF9;

    private final ByteArrayOutputStream serial = new ByteArrayOutputStream();
    private Runnable onExit = () -> { };
    private Runnable onNmi = () -> { };
    private int exitCode = -1;
    private int pendingVector = -1;
    private int scratch;

    void onExit(Runnable r) {
        this.onExit = r;
    }

    /** Who hears a write to port 0xF9, the test's NMI pin. */
    void onNmi(Runnable r) {
        this.onNmi = r;
    }

    String serial() {
        return serial.toString(StandardCharsets.ISO_8859_1);
    }

    /** The value written to the exit port, or -1. */
    int exitCode() {
        return exitCode;
    }

    @Override
    public int in(int port, int size) {
        return switch (port) {
            case COM1 + 5 -> 0x60;
            case COM1 + 7 -> scratch;
            default -> size == 4 ? -1 : (1 << 8 * size) - 1;
        };
    }

    @Override
    public void out(int port, int size, int value) {
        switch (port) {
            case COM1 -> serial.write(value & 0xFF);
            case COM1 + 7 -> scratch = value & 0xFF;
            case EXIT -> {
                exitCode = value & 0xFF;
                onExit.run();
            }
            case RAISE -> pendingVector = value & 0xFF;
            case NMI -> onNmi.run();
            default -> { }
        }
    }

    @Override
    public boolean pending() {
        return pendingVector >= 0;
    }

    @Override
    public int acknowledge() {
        int v = pendingVector;
        pendingVector = -1;
        return v;
    }
}
