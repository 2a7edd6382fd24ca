package dev.mimic.pc.a20;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.bus.PortDevice;
import dev.mimic.pc.snapshot.Snapshottable;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Port 0x92, the PS/2 system control port A ("fast A20"): bit 1 is the A20 gate, and setting
 * bit 0 resets the processor. SeaBIOS and Linux switch A20 here rather than through the slow 8042.
 */
public final class SystemControlPortA implements PortDevice, Snapshottable {
    private final A20Gate a20;
    private final Runnable reset;
    private int value;

    public SystemControlPortA(A20Gate a20, Runnable reset) {
        this.a20 = a20;
        this.reset = reset;
    }

    public void attach(IoBus bus) {
        bus.map(0x92, 1, this);
    }

    @Override
    public int read(int port, int size) {
        return value & ~0x02 | (a20.enabled() ? 0x02 : 0);
    }

    @Override
    public void write(int port, int size, int newValue) {
        boolean resetRising = (newValue & 1) != 0 && (value & 1) == 0;
        value = newValue & 0x03;
        a20.set((newValue & 0x02) != 0);
        if (resetRising) {
            reset.run();
        }
    }

    /** The port's bits only: the gate itself is the {@link A20Gate}'s state. */
    @Override
    public void saveState(DataOutputStream out) throws IOException {
        out.writeInt(value);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        value = in.readInt();
    }
}
