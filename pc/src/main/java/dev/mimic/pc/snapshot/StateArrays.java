package dev.mimic.pc.snapshot;

import dev.mimic.backend.machine.MachineException;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * The length-prefixed arrays and byte queues device states are made of. Reading checks each length
 * against what the device holds, so a snapshot from a differently built machine is refused with
 * a message instead of being half applied.
 */
public final class StateArrays {
    /** Larger than any device buffer (a CD-ROM read of 65,535 blocks is 128 MiB). */
    private static final int MAX_BUFFER = 1 << 28;

    private StateArrays() {
    }

    public static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    /** Reads into {@code into}, which must have the saved length. */
    public static void readInts(DataInputStream in, int[] into) throws IOException {
        expectLength(in.readInt(), into.length);
        for (int i = 0; i < into.length; i++) {
            into[i] = in.readInt();
        }
    }

    public static void writeBytes(DataOutputStream out, byte[] values) throws IOException {
        out.writeInt(values.length);
        out.write(values);
    }

    public static void readBytes(DataInputStream in, byte[] into) throws IOException {
        expectLength(in.readInt(), into.length);
        in.readFully(into);
    }

    /** A byte array whose length is part of the state (a transfer in progress), or null. */
    public static void writeOptionalBytes(DataOutputStream out, byte[] values) throws IOException {
        out.writeBoolean(values != null);
        if (values != null) {
            writeBytes(out, values);
        }
    }

    public static byte[] readOptionalBytes(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        int length = in.readInt();
        if (length < 0 || length > MAX_BUFFER) {
            throw new MachineException("snapshot holds a device buffer of " + length + " bytes");
        }
        byte[] values = new byte[length];
        in.readFully(values);
        return values;
    }

    public static void writeQueue(DataOutputStream out, ArrayDeque<Integer> queue) throws IOException {
        out.writeInt(queue.size());
        for (int b : queue) {
            out.writeByte(b);
        }
    }

    /** Replaces the queue's contents with the saved bytes. */
    public static void readQueue(DataInputStream in, ArrayDeque<Integer> queue, int capacity) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > capacity) {
            throw new MachineException("snapshot holds a device queue of " + size + " bytes; the device holds " + capacity);
        }
        queue.clear();
        for (int i = 0; i < size; i++) {
            queue.add(in.readUnsignedByte());
        }
    }

    private static void expectLength(int saved, int held) {
        if (saved != held) {
            throw new MachineException("snapshot holds " + saved + " device registers where this machine has " + held);
        }
    }
}
