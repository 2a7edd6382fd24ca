package dev.mimic.pc.debug;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.bus.PortDevice;

import java.util.function.IntConsumer;

/**
 * QEMU's isa-debug-exit at port 0xF4 (four bytes wide): a guest test writes a value and the
 * emulator ends with status {@code (value << 1) | 1}, so no guest value can mean success by
 * accident. The device only reports the request; the machine decides how to stop.
 */
public final class DebugExit implements PortDevice {
    public static final int PORT = 0xF4;

    private final IntConsumer exit;

    /** @param exit told the exit status when the guest asks to exit */
    public DebugExit(IntConsumer exit) {
        this.exit = exit;
    }

    public void attach(IoBus bus) {
        bus.map(PORT, 4, this);
    }

    @Override
    public boolean accepts(int port, int size) {
        return port == PORT;
    }

    @Override
    public int read(int port, int size) {
        return -1;
    }

    @Override
    public void write(int port, int size, int value) {
        exit.accept(value << 1 | 1);
    }
}
