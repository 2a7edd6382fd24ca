package dev.mimic.pc.keyboard;

import dev.mimic.pc.snapshot.Snapshottable;
import dev.mimic.pc.snapshot.StateArrays;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * A device on a PS/2 port: it receives command bytes from the controller and queues reply and
 * event bytes for the controller to pass on. Commands that take a parameter byte (set LEDs, set
 * sample rate) leave the device waiting for it; every accepted byte is acknowledged with 0xFA.
 */
abstract class Ps2Device implements Snapshottable {
    static final int ACK = 0xFA;
    static final int RESEND = 0xFE;
    static final int SELF_TEST_PASSED = 0xAA;
    private static final int QUEUE_LIMIT = 64;

    private final ArrayDeque<Integer> output = new ArrayDeque<>();
    /** The command waiting for its parameter byte, or -1. */
    private int awaitingParameter = -1;

    /** A byte from the host (through the controller). */
    final void receive(int b) {
        if (awaitingParameter >= 0) {
            int command = awaitingParameter;
            awaitingParameter = -1;
            parameter(command, b);
        } else {
            command(b);
        }
    }

    /** Handles a command byte; answer with {@link #reply} and call {@link #expectParameter} if one follows. */
    abstract void command(int command);

    /** Handles the parameter byte of {@code command}. */
    abstract void parameter(int command, int value);

    final void expectParameter(int command) {
        awaitingParameter = command;
    }

    /** Queues bytes for the host; a full queue drops them, as a device with a full buffer would. */
    final void reply(int... bytes) {
        for (int b : bytes) {
            if (output.size() < QUEUE_LIMIT) {
                output.add(b & 0xFF);
            }
        }
    }

    final void clearOutput() {
        output.clear();
    }

    final boolean hasOutput() {
        return !output.isEmpty();
    }

    final int takeOutput() {
        return output.remove();
    }

    @Override
    public final void saveState(DataOutputStream out) throws IOException {
        StateArrays.writeQueue(out, output);
        out.writeInt(awaitingParameter);
        saveSettings(out);
    }

    @Override
    public final void restoreState(DataInputStream in) throws IOException {
        StateArrays.readQueue(in, output, QUEUE_LIMIT);
        awaitingParameter = in.readInt();
        restoreSettings(in);
    }

    /** The device's own state beyond its output queue. */
    abstract void saveSettings(DataOutputStream out) throws IOException;

    abstract void restoreSettings(DataInputStream in) throws IOException;
}
