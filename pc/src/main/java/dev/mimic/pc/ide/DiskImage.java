package dev.mimic.pc.ide;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The bytes behind an emulated disk, in whole 512-byte sectors. Raw image files are the only
 * format; with {@code -snapshot} a copy-on-write overlay in memory takes every write so the image
 * file is never changed.
 */
public interface DiskImage extends Closeable {
    int SECTOR = 512;

    /** Number of sectors. */
    long sectors();

    /** Reads {@code count} sectors from {@code lba} into {@code buffer} at {@code offset}. */
    void read(long lba, int count, byte[] buffer, int offset) throws IOException;

    void write(long lba, int count, byte[] buffer, int offset) throws IOException;

    @Override
    void close() throws IOException;

    /** Opens a raw image that is only ever read (a CD-ROM's disc). */
    static DiskImage openReadOnly(Path file) throws IOException {
        return new RawImage(file, false);
    }

    /** Opens a raw image: writable in place, or with {@code snapshot} read-only under an overlay. */
    static DiskImage open(Path file, boolean snapshot) throws IOException {
        RawImage raw = new RawImage(file, !snapshot);
        return snapshot ? new OverlayImage(raw) : raw;
    }
}
