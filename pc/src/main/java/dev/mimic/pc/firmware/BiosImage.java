package dev.mimic.pc.firmware;

import dev.mimic.backend.machine.MachineException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A system BIOS image such as SeaBIOS's bios.bin, placed as on QEMU's PC: the whole image ends at
 * 4 GiB, where the processor fetches its first instruction (0xFFFFFFF0), and its last 128 KiB
 * (or all of a smaller image) also appear just below 1 MiB, the ISA BIOS window real-mode code
 * jumps to.
 */
public final class BiosImage {
    private static final long FOUR_GIB = 1L << 32;
    private static final long ONE_MIB = 1L << 20;
    private static final int ISA_WINDOW = 128 * 1024;
    private static final int GRANULE = 64 * 1024;
    private static final int LARGEST = 16 * 1024 * 1024;

    private final byte[] image;

    private BiosImage(byte[] image) {
        this.image = image;
    }

    /** Checks the size (64 KiB to 16 MiB, in 64 KiB steps) of {@code bytes} read from {@code name}. */
    public static BiosImage of(String name, byte[] bytes) {
        if (bytes.length == 0 || bytes.length % GRANULE != 0 || bytes.length > LARGEST) {
            throw new MachineException(name + ": " + bytes.length + " bytes is not a BIOS image (64 KiB to 16 MiB in 64 KiB steps)");
        }
        return new BiosImage(bytes.clone());
    }

    public static BiosImage read(Path file) {
        try {
            return of(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new MachineException(file + ": cannot read the BIOS: " + e.getMessage(), e);
        }
    }

    /** Where the whole image is mapped: so that it ends at 4 GiB. */
    public long highBase() {
        return FOUR_GIB - image.length;
    }

    public byte[] image() {
        return image.clone();
    }

    /** Where the ISA window starts: 0xE0000 for images of 128 KiB or more. */
    public long isaBase() {
        return ONE_MIB - isaWindow().length;
    }

    /** The image's last 128 KiB (or all of it), the part mapped below 1 MiB. */
    public byte[] isaWindow() {
        return Arrays.copyOfRange(image, Math.max(0, image.length - ISA_WINDOW), image.length);
    }
}
