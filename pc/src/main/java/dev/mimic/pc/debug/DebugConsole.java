package dev.mimic.pc.debug;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.bus.PortDevice;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The one-byte debug consoles firmware and test kernels print to without a UART: QEMU's
 * isa-debugcon at 0x402 (SeaBIOS's debug output) and Bochs's port 0xE9. A read of either port
 * returns 0xE9 (isa-debugcon's readback value), which is how software detects the port: SeaBIOS
 * stops printing to 0x402 when it reads anything else there.
 */
public final class DebugConsole implements PortDevice {
    public static final int SEABIOS_PORT = 0x402;
    public static final int BOCHS_PORT = 0xE9;
    /** What a read of the console answers, at either port. */
    private static final int READBACK = 0xE9;

    private final OutputStream out;

    public DebugConsole(OutputStream out) {
        this.out = out;
    }

    /** Answers at {@code port}; a machine may attach the console to both ports. */
    public void attach(IoBus bus, int port) {
        bus.map(port, 1, this);
    }

    @Override
    public int read(int port, int size) {
        return READBACK;
    }

    @Override
    public void write(int port, int size, int value) {
        try {
            out.write(value);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("debug console output failed: " + e.getMessage(), e);
        }
    }
}
