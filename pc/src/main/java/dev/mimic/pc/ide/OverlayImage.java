package dev.mimic.pc.ide;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A copy-on-write layer over a read-only image ({@code -snapshot}): written sectors live in memory
 * and shadow the base, which is never written. Everything is forgotten on close.
 */
final class OverlayImage implements DiskImage {
    private final DiskImage base;
    private final Map<Long, byte[]> written = new HashMap<>();

    OverlayImage(DiskImage base) {
        this.base = base;
    }

    @Override
    public long sectors() {
        return base.sectors();
    }

    @Override
    public void read(long lba, int count, byte[] buffer, int offset) throws IOException {
        for (int i = 0; i < count; i++) {
            byte[] sector = written.get(lba + i);
            if (sector == null) {
                base.read(lba + i, 1, buffer, offset + i * SECTOR);
            } else {
                System.arraycopy(sector, 0, buffer, offset + i * SECTOR, SECTOR);
            }
        }
    }

    @Override
    public void write(long lba, int count, byte[] buffer, int offset) {
        for (int i = 0; i < count; i++) {
            byte[] sector = new byte[SECTOR];
            System.arraycopy(buffer, offset + i * SECTOR, sector, 0, SECTOR);
            written.put(lba + i, sector);
        }
    }

    /** The overlay lives in memory and is thrown away: nothing to make durable. */
    @Override
    public void flush() {
    }

    @Override
    public void close() throws IOException {
        written.clear();
        base.close();
    }
}
