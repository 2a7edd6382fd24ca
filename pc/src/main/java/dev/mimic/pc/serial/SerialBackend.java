package dev.mimic.pc.serial;

import java.io.Closeable;

/**
 * The host side of a serial port: where transmitted bytes go and where received bytes come from
 * (QEMU's character devices). Reading never blocks, because the emulated UART asks from the
 * machine's thread; backends with an input source read it on a thread of their own.
 */
public interface SerialBackend extends Closeable {
    /** Sends one byte the guest transmitted. */
    void write(int b);

    /** The next byte the host sent, or -1 if none is waiting. */
    int read();

    /** Whether this backend can ever deliver input (a file cannot), so the UART knows to poll it. */
    boolean readable();

    @Override
    void close();
}
