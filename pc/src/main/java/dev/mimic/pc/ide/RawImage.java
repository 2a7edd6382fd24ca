package dev.mimic.pc.ide;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A raw disk image file, sector for sector. Opened read-only unless writes were asked for, so a
 * machine without them cannot change the file even by mistake. A partial last sector reads as
 * zero-padded.
 */
final class RawImage implements DiskImage {
    private final FileChannel channel;
    private final boolean writable;
    private final long sectors;

    RawImage(Path file, boolean writable) throws IOException {
        this.channel = writable
                ? FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.READ);
        this.writable = writable;
        this.sectors = (channel.size() + SECTOR - 1) / SECTOR;
    }

    @Override
    public long sectors() {
        return sectors;
    }

    @Override
    public void read(long lba, int count, byte[] buffer, int offset) throws IOException {
        ByteBuffer into = ByteBuffer.wrap(buffer, offset, count * SECTOR);
        long position = lba * SECTOR;
        while (into.hasRemaining()) {
            int n = channel.read(into, position);
            if (n < 0) {
                while (into.hasRemaining()) {
                    into.put((byte) 0);
                }
                break;
            }
            position += n;
        }
    }

    /** One positioned write of the whole sectors (see {@link DiskImage} for what that guarantees). */
    @Override
    public void write(long lba, int count, byte[] buffer, int offset) throws IOException {
        if (!writable) {
            throw new IOException("the disk image is open read-only");
        }
        ByteBuffer from = ByteBuffer.wrap(buffer, offset, count * SECTOR);
        long position = lba * SECTOR;
        while (from.hasRemaining()) {
            position += channel.write(from, position);
        }
    }

    @Override
    public void flush() throws IOException {
        if (writable) {
            channel.force(false);
        }
    }

    /** Flushes what the guest wrote, then closes. */
    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            channel.close();
        }
    }
}
