package dev.mimic.pc.timer;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.bus.IrqLine;
import dev.mimic.pc.bus.PortDevice;
import dev.mimic.pc.clock.VirtualClock;
import dev.mimic.pc.snapshot.Snapshottable;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The Intel 8254 programmable interval timer at ports 0x40-0x43, clocked at 1.193182 MHz: channel
 * 0 drives IRQ 0 (the system tick), channel 1 was DRAM refresh, channel 2 feeds the speaker and its
 * gate and output are seen through port 0x61 ({@link SystemControlPort}). Control words at 0x43
 * select a channel's mode (0-5), access mode and BCD counting, latch a count, or read back
 * counts and status of several channels at once.
 */
public final class Pit8254 implements PortDevice, Snapshottable {
    private final PitChannel[] channels;

    public Pit8254(VirtualClock clock, IrqLine irq0) {
        channels = new PitChannel[] {new PitChannel(clock, irq0), new PitChannel(clock, null), new PitChannel(clock, null)};
        channels[2].setGate(false);
    }

    public void attach(IoBus bus) {
        bus.map(0x40, 4, this);
    }

    @Override
    public int read(int port, int size) {
        int index = port & 3;
        return index == 3 ? 0xFF : channels[index].read();
    }

    @Override
    public void write(int port, int size, int value) {
        int index = port & 3;
        if (index != 3) {
            channels[index].writeCount(value);
            return;
        }
        int select = value >>> 6;
        if (select == 3) {
            readBack(value);
            return;
        }
        int accessMode = value >>> 4 & 3;
        if (accessMode == 0) {
            channels[select].latchCount();
        } else {
            channels[select].program(accessMode, value >>> 1 & 7, (value & 1) != 0);
        }
    }

    /** Read-back command: bit 5 clear latches counts, bit 4 clear latches status, bits 1-3 pick channels. */
    private void readBack(int command) {
        for (int i = 0; i < 3; i++) {
            if ((command & (2 << i)) == 0) {
                continue;
            }
            if ((command & 0x20) == 0) {
                channels[i].latchCount();
            }
            if ((command & 0x10) == 0) {
                channels[i].latchStatus();
            }
        }
    }

    /** Channel 2's gate, driven by port 0x61 bit 0. */
    void setSpeakerGate(boolean high) {
        channels[2].setGate(high);
    }

    boolean speakerOutput() {
        return channels[2].output();
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        for (PitChannel channel : channels) {
            channel.saveState(out);
        }
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        for (PitChannel channel : channels) {
            channel.restoreState(in);
        }
    }
}
