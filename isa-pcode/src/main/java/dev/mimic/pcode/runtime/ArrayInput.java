package dev.mimic.pcode.runtime;

/** Reads a file's contents held in memory (files are read whole when they are reset). */
final class ArrayInput implements ByteInput {
    private final byte[] data;
    private int position;

    ArrayInput(byte[] data, int position) {
        this.data = data;
        this.position = position;
    }

    @Override
    public int peek() {
        return position < data.length ? data[position] & 0xFF : -1;
    }

    @Override
    public void skip() {
        if (position < data.length) {
            position++;
        }
    }

    /** How many bytes were consumed, for snapshots. */
    int position() {
        return position;
    }
}
