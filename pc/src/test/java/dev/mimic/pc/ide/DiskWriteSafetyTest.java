package dev.mimic.pc.ide;

import dev.mimic.pc.bus.IoBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the guest writes stays in the image file, reaches the host's storage on FLUSH CACHE, and is never torn inside a sector. */
class DiskWriteSafetyTest {
    static final int SECTORS = 256;
    static final int SECTORS_PER_WRITE = 64;

    @TempDir
    Path dir;

    /** Counts flushes on the way to a raw image. */
    static final class FlushCounting implements DiskImage {
        final DiskImage image;
        int flushes;

        FlushCounting(DiskImage image) {
            this.image = image;
        }

        @Override
        public long sectors() {
            return image.sectors();
        }

        @Override
        public void read(long lba, int count, byte[] buffer, int offset) throws IOException {
            image.read(lba, count, buffer, offset);
        }

        @Override
        public void write(long lba, int count, byte[] buffer, int offset) throws IOException {
            image.write(lba, count, buffer, offset);
        }

        @Override
        public void flush() throws IOException {
            flushes++;
            image.flush();
        }

        @Override
        public void close() throws IOException {
            image.close();
        }
    }

    @Test
    void flushCacheAndFlushCacheExtFlushTheImage() throws IOException {
        Path file = Files.write(dir.resolve("disk.img"), new byte[SECTORS * 512]);
        boolean[] irq = new boolean[1];
        IoBus bus = new IoBus();
        try (FlushCounting image = new FlushCounting(DiskImage.open(file, false))) {
            new IdeChannel(level -> irq[0] = level, new AtaDisk(image), null).attach(bus, 0x1F0, 0x3F6);
            for (int command : new int[] {0xE7, 0xEA}) {
                bus.out(0x1F7, 1, command);
                assertTrue(irq[0]);
                assertEquals(0x50, bus.in(0x1F7, 1));
            }
            assertEquals(2, image.flushes);
        }
    }

    @Test
    void identifyReportsAnEnabledWriteCacheSoGuestsFlush() throws IOException {
        Path file = Files.write(dir.resolve("disk.img"), new byte[SECTORS * 512]);
        try (DiskImage image = DiskImage.open(file, false)) {
            byte[] id = new AtaDisk(image).identify(0, 0);
            assertEquals(0x0020, IdeChannelTest.word(id, 82) & 0x0020, "write cache supported");
            assertEquals(0x0020, IdeChannelTest.word(id, 85) & 0x0020, "and enabled");
            assertEquals(0x3000, IdeChannelTest.word(id, 83) & 0x3000, "FLUSH CACHE and FLUSH CACHE EXT");
        }
    }

    @Test
    void writesAreInTheFileBeforeCloseAndAfterIt() throws IOException {
        Path file = Files.write(dir.resolve("disk.img"), new byte[SECTORS * 512]);
        byte[] sector = new byte[512];
        Arrays.fill(sector, (byte) 0x77);
        try (DiskImage image = DiskImage.open(file, false)) {
            image.write(9, 1, sector, 0);
            assertArrayEquals(sector, Arrays.copyOfRange(Files.readAllBytes(file), 9 * 512, 10 * 512));
        }
        assertArrayEquals(sector, Arrays.copyOfRange(Files.readAllBytes(file), 9 * 512, 10 * 512));
    }

    /**
     * A process writing runs of sectors through a raw image, each run filled with its generation
     * number, killed with SIGKILL at varying moments: every sector of the file is then uniform, all
     * one generation's bytes, whatever the moment.
     */
    @Test
    void aKillInTheMiddleOfWritesLeavesNoSectorHalfWritten() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        for (int attempt = 0; attempt < 4; attempt++) {
            Path file = Files.write(dir.resolve("torn" + attempt + ".img"), new byte[SECTORS * 512]);
            Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SectorWriter.class.getName(),
                    file.toString()).redirectErrorStream(true).start();
            assertEquals('w', writer.getInputStream().read(), "the writer started");
            Thread.sleep(20 + 37L * attempt);
            writer.destroyForcibly();
            assertTrue(writer.waitFor(10, TimeUnit.SECONDS));
            byte[] bytes = Files.readAllBytes(file);
            List<Integer> torn = new ArrayList<>();
            for (int s = 0; s < SECTORS; s++) {
                for (int i = 1; i < 512; i++) {
                    if (bytes[s * 512 + i] != bytes[s * 512]) {
                        torn.add(s);
                        break;
                    }
                }
            }
            assertEquals(List.of(), torn, "sectors with two generations' bytes");
        }
    }

    /** The process {@link #aKillInTheMiddleOfWritesLeavesNoSectorHalfWritten} kills: writes generations of runs until killed. */
    static final class SectorWriter {
        public static void main(String[] args) throws IOException {
            try (DiskImage image = DiskImage.open(Path.of(args[0]), false)) {
                byte[] run = new byte[SECTORS_PER_WRITE * 512];
                System.out.print('w');
                System.out.flush();
                for (int generation = 1; ; generation++) {
                    Arrays.fill(run, (byte) generation);
                    image.write(generation * 13L % (SECTORS - SECTORS_PER_WRITE), SECTORS_PER_WRITE, run, 0);
                }
            }
        }
    }
}
