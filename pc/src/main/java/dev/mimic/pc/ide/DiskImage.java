package dev.mimic.pc.ide;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The bytes behind an emulated disk, in whole 512-byte sectors. Raw image files are the only
 * format; with {@code -snapshot} a copy-on-write overlay in memory takes every write so the image
 * file is never changed.
 *
 * <p>Without {@code -snapshot} guest writes go to the file as they happen, each command's sectors
 * in one positioned write of whole sectors at a sector-aligned offset. The host kernel copies a
 * write into its page cache a page at a time and can stop one only between pages (a fatal signal,
 * a full disk), and a 512-byte sector at an aligned offset never spans two pages: so killing Mimic
 * in the middle of guest writes leaves every sector of the image with either its old or its new
 * contents, never a mix. Reaching the storage device is the host's business: {@link #flush} (the
 * guest's FLUSH CACHE, and closing the image on exit) asks for it.
 */
public interface DiskImage extends Closeable {
    int SECTOR = 512;

    /** Number of sectors. */
    long sectors();

    /** Reads {@code count} sectors from {@code lba} into {@code buffer} at {@code offset}. */
    void read(long lba, int count, byte[] buffer, int offset) throws IOException;

    void write(long lba, int count, byte[] buffer, int offset) throws IOException;

    /** Makes the writes so far durable on the host's storage. */
    void flush() throws IOException;

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
