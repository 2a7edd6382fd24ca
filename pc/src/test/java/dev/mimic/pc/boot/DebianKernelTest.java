package dev.mimic.pc.boot;

import dev.mimic.backend.memory.FlatMemory;
import dev.mimic.pc.memory.RamLayout;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Debian's i386 686 kernel, fetched by scripts/fetch-debian-kernel; skipped when it is not there. */
public class DebianKernelTest {
    static final Path DIR = Path.of("target", "debian-kernel", "boot");

    public static Path kernel() throws IOException {
        assumeTrue(Files.isDirectory(DIR), "run scripts/fetch-debian-kernel for Debian's kernel");
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.getFileName().toString().startsWith("vmlinuz-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no vmlinuz in " + DIR));
        }
    }

    @Test
    void parsesAndLoadsTheRealKernel() throws IOException {
        Path file = kernel();
        byte[] bytes = Files.readAllBytes(file);
        BzImage image = BzImage.parse(file.toString(), bytes);
        assertTrue(image.version() >= 0x020F, "Linux 6.x speaks protocol 2.15");
        assertEquals(0x100000, image.code32Start());
        assertTrue(image.cmdlineSize() >= 2047);
        int ram = 128 << 20;
        FlatMemory memory = new FlatMemory(ram);
        BootEntry entry = DirectKernelLoader.load(memory, RamLayout.of(ram), image, new byte[1 << 20], "initrd", "console=ttyS0 root=/dev/sda1");
        assertEquals(0x100000, entry.eip());
        byte[] start = new byte[64];
        memory.read(0x100000, start, 0, start.length);
        byte[] expected = new byte[64];
        System.arraycopy(bytes, image.setup().length, expected, 0, 64);
        assertArrayEquals(expected, start);
        assertEquals(0x53726448, memory.load32(0x10000 + 0x202));
    }
}
