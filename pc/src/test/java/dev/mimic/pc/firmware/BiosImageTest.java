package dev.mimic.pc.firmware;

import dev.mimic.backend.machine.MachineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BiosImageTest {
    @Test
    void a256KiBImageEndsAt4GiBAndItsTop128KiBSitBelow1MiB() {
        byte[] bytes = new byte[256 * 1024];
        bytes[bytes.length - 16] = (byte) 0xEA;
        bytes[128 * 1024] = 0x42;
        BiosImage bios = BiosImage.of("bios-256k.bin", bytes);
        assertEquals(0xFFFC_0000L, bios.highBase());
        assertEquals(0xE0000, bios.isaBase());
        assertEquals(128 * 1024, bios.isaWindow().length);
        assertEquals(0x42, bios.isaWindow()[0]);
        assertEquals((byte) 0xEA, bios.isaWindow()[0x1FFF0], "the reset vector is at 0xFFFF0 too");
    }

    @Test
    void a64KiBImageIsMappedWhole() {
        BiosImage bios = BiosImage.of("small.bin", new byte[64 * 1024]);
        assertEquals(0xF0000, bios.isaBase());
        assertEquals(0xFFFF_0000L, bios.highBase());
    }

    @Test
    void oddSizesAndMissingFilesAreOneLineErrors(@TempDir Path dir) throws IOException {
        assertEquals("x.bin: 1000 bytes is not a BIOS image (64 KiB to 16 MiB in 64 KiB steps)",
                assertThrows(MachineException.class, () -> BiosImage.of("x.bin", new byte[1000])).getMessage());
        Path missing = dir.resolve("bios.bin");
        assertEquals(missing + ": cannot read the BIOS: " + missing,
                assertThrows(MachineException.class, () -> BiosImage.read(missing)).getMessage());
        Files.write(missing, new byte[128 * 1024]);
        assertEquals(0xE0000, BiosImage.read(missing).isaBase());
    }
}
