package dev.mimic.backend.debug;

import dev.mimic.backend.machine.MachineException;
import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.backend.state.GuestState;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Writes and reads the parts of a snapshot every machine has: primitive state slots and a guest
 * memory image. Machines add their own devices around these in {@code saveState}.
 */
public final class StateCodec {
    private static final int CHUNK = 1 << 16;

    private StateCodec() {
    }

    public static void writeState(GuestState state, DataOutputStream out) throws IOException {
        out.writeInt(state.words.length);
        for (long w : state.words) {
            out.writeLong(w);
        }
        out.writeInt(state.floats.length);
        for (double f : state.floats) {
            out.writeLong(Double.doubleToRawLongBits(f));
        }
    }

    public static void readState(GuestState state, DataInputStream in) throws IOException {
        long[] words = new long[expect(in.readInt(), state.words.length, "integer registers")];
        for (int i = 0; i < words.length; i++) {
            words[i] = in.readLong();
        }
        double[] floats = new double[expect(in.readInt(), state.floats.length, "float registers")];
        for (int i = 0; i < floats.length; i++) {
            floats[i] = Double.longBitsToDouble(in.readLong());
        }
        System.arraycopy(words, 0, state.words, 0, words.length);
        System.arraycopy(floats, 0, state.floats, 0, floats.length);
    }

    public static void writeMemory(GuestMemory memory, DataOutputStream out) throws IOException {
        long size = memory.size();
        out.writeLong(size);
        byte[] chunk = new byte[CHUNK];
        for (long at = 0; at < size; at += CHUNK) {
            int n = (int) Math.min(CHUNK, size - at);
            memory.read(at, chunk, 0, n);
            out.write(chunk, 0, n);
        }
    }

    public static void readMemory(GuestMemory memory, DataInputStream in) throws IOException {
        long size = in.readLong();
        if (size != memory.size()) {
            throw new MachineException("snapshot memory is " + size + " bytes, the machine has " + memory.size());
        }
        byte[] chunk = new byte[CHUNK];
        for (long at = 0; at < size; at += CHUNK) {
            int n = (int) Math.min(CHUNK, size - at);
            in.readFully(chunk, 0, n);
            memory.write(at, chunk, 0, n);
        }
    }

    private static int expect(int found, int wanted, String what) {
        if (found != wanted) {
            throw new MachineException("snapshot has " + found + " " + what + ", the machine has " + wanted);
        }
        return found;
    }
}
