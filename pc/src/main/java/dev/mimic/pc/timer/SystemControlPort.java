package dev.mimic.pc.timer;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.bus.PortDevice;
import dev.mimic.pc.clock.VirtualClock;
import dev.mimic.pc.snapshot.Snapshottable;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Port 0x61, the AT's system control port B: bit 0 gates PIT channel 2, bit 1 enables the speaker,
 * bits 2-3 enable parity and channel checks; reads add the refresh toggle (bit 4, flipping every
 * 15.085 us, which BIOSes use for short delays) and channel 2's output (bit 5).
 */
public final class SystemControlPort implements PortDevice, Snapshottable {
    private static final long REFRESH_HALF_PERIOD_NANOS = 15_085;

    private final VirtualClock clock;
    private final Pit8254 pit;
    private int control;

    public SystemControlPort(VirtualClock clock, Pit8254 pit) {
        this.clock = clock;
        this.pit = pit;
    }

    public void attach(IoBus bus) {
        bus.map(0x61, 1, this);
    }

    @Override
    public int read(int port, int size) {
        long refresh = clock.nanos() / REFRESH_HALF_PERIOD_NANOS & 1;
        return control | (int) refresh << 4 | (pit.speakerOutput() ? 0x20 : 0);
    }

    @Override
    public void write(int port, int size, int value) {
        control = value & 0x0F;
        pit.setSpeakerGate((value & 1) != 0);
    }

    /** The control bits only: channel 2's gate is part of the PIT's state. */
    @Override
    public void saveState(DataOutputStream out) throws IOException {
        out.writeInt(control);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        control = in.readInt();
    }
}
