package dev.mimic.pc.machine;

import dev.mimic.pc.board.Host;
import dev.mimic.pc.config.PcOptions;
import dev.mimic.pc.config.PcOptionsParser;
import dev.mimic.x86.system.X86System;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The standard VGA with SeaBIOS's vgabios-stdvga, against qemu-system-i386 {@code -vga std}: the
 * screen Mimic renders must be the screen QEMU's screendump gives, pixel for pixel (both draw text
 * with the font the VGA BIOS loads into plane 2), for SeaBIOS's banner and for every kind of mode
 * the boot sector vga/screens.asm sets through the VGA BIOS and fills: text, the CGA's 4- and
 * 2-colour modes with their interleaved scan lines, 16-colour planar, mode 13h, and VBE linear framebuffer modes of 8, 15, 16, 24 and 32 bits per pixel.
 */
class VgaScreenTest {
    private static final String NO_BOOT = "No bootable device.";
    private static final String READY = "screen ready";
    /**
     * The scan lines of the first text row, SeaBIOS's banner: what follows differs, since QEMU's
     * boot order and boot-fail wait are not Mimic's.
     */
    private static final int BANNER_LINES = 16;
    /**
     * VBE mode 0x110, 640x480 in 15 bits per pixel, whose colours compare on their top five bits:
     * QEMU converts its pixels without filling the three low bits (its 16-bit path fills them),
     * while Mimic widens both alike, so white is 0xFFFFFF.
     */
    private static final int MODE_15BPP = 0x110;
    private static final int FIVE_BIT_COMPONENTS = 0xF8F8F8;
    /** Where vga/screens.asm keeps the mode it sets. */
    private static final int MODE_WORD = 0x1FC;
    /**
     * Instructions per look at the debug log: small, since a halted processor's waiting is free
     * and one slice would otherwise sleep through SeaBIOS's 60 seconds before rebooting.
     */
    private static final long SLICE = 200_000L;
    /** How far past the marker Mimic runs, so the line it starts is on the screen. */
    private static final long SETTLE_INSTRUCTIONS = 1_000_000L;
    private static final long LIMIT = 2_000_000_000L;

    @Test
    void seabiosBannerOnTheVgaTextScreenIsQemus(@TempDir Path work) throws Exception {
        assumeTrue(Files.isReadable(PcOptions.DEFAULT_BIOS), "install Debian's seabios package");
        assumeTrue(Qemu.available(), "install Debian's qemu-system-x86 package");

        Screen mimic = onMimic(List.of("-m", "32", "-no-reboot", "-serial", "none"), NO_BOOT);
        assertTrue(mimic.text().startsWith("SeaBIOS (version "), mimic.text());
        assertTrue(mimic.text().contains(NO_BOOT), mimic.text());

        BufferedImage qemu = QemuScreen.screendump(List.of("-bios", PcOptions.DEFAULT_BIOS.toString(), "-m", "32", "-no-reboot"),
                work, NO_BOOT, Duration.ofSeconds(30));
        assertSameScreen(qemu.getSubimage(0, 0, qemu.getWidth(), BANNER_LINES), mimic.image().getSubimage(0, 0, qemu.getWidth(), BANNER_LINES),
                "seabios-banner");
    }

    @ParameterizedTest(name = "mode {0}")
    @ValueSource(ints = {0x03, 0x04, 0x05, 0x06, 0x0D, 0x12, 0x13, 0x101, 0x110, 0x111, 0x112, 0x142})
    void eachModeLooksAsOnQemu(int mode, @TempDir Path work) throws Exception {
        assumeTrue(Files.isReadable(PcOptions.DEFAULT_BIOS), "install Debian's seabios package");
        assumeTrue(Files.isExecutable(BootedGuest.NASM), "install nasm");
        assumeTrue(Qemu.available(), "install Debian's qemu-system-x86 package");
        Path disk = disk(work, mode);

        Screen mimic = onMimic(List.of("-m", "32", "-no-reboot", "-serial", "none", "-snapshot", "-hda", disk.toString()), READY);
        BufferedImage qemu = QemuScreen.screendump(List.of("-bios", PcOptions.DEFAULT_BIOS.toString(), "-m", "32", "-no-reboot",
                "-drive", "file=" + disk + ",format=raw,if=ide,index=0,snapshot=on"), work, READY, Duration.ofSeconds(30));
        assertSameScreen(qemu, mimic.image(), String.format("mode-%x", mode), mode == MODE_15BPP ? FIVE_BIT_COMPONENTS : 0xFFFFFF);
    }

    /**
     * The CGA modes without QEMU: the first pixels of scan lines 0 (even bank, byte 1Bh) and 1 (odd
     * bank, byte E4h) in the colours the VGA BIOS gives them, each CGA pixel two dots by two lines
     * in mode 04h, one dot by two lines in mode 06h.
     */
    @ParameterizedTest(name = "mode {0}")
    @ValueSource(ints = {0x04, 0x06})
    void cgaModesInterleaveScanLinesInTheBiosColours(int mode, @TempDir Path work) throws Exception {
        assumeTrue(Files.isReadable(PcOptions.DEFAULT_BIOS), "install Debian's seabios package");
        assumeTrue(Files.isExecutable(BootedGuest.NASM), "install nasm");
        BufferedImage screen = onMimic(List.of("-m", "32", "-no-reboot", "-serial", "none", "-snapshot", "-hda", disk(work, mode).toString()),
                READY).image();
        assertEquals("640x400", screen.getWidth() + "x" + screen.getHeight());
        int black = 0x000000;
        int cyan = 0x57FFFF;    // DAC components 15h and 3Fh, widened as QEMU's display does
        int magenta = 0xFF57FF;
        int white = 0xFFFFFF;
        int[][] lines = mode == 0x04
                ? new int[][] {{black, cyan, magenta, white}, {white, magenta, cyan, black}}
                : new int[][] {{black, black, black, white, white, black, white, white}, {white, white, white, black, black, white, black, black}};
        int dots = mode == 0x04 ? 2 : 1;
        for (int line = 0; line < 2; line++) {
            for (int pixel = 0; pixel < lines[line].length; pixel++) {
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < dots; dx++) {
                        int x = pixel * dots + dx;
                        int y = line * 2 + dy;
                        assertEquals(String.format("%06x", lines[line][pixel]), String.format("%06x", screen.getRGB(x, y) & 0xFFFFFF),
                                "pixel (" + x + "," + y + ")");
                    }
                }
            }
        }
    }

    /** vga/screens.asm with its mode word set, at the start of a 1 MiB raw image. */
    private static Path disk(Path work, int mode) throws Exception {
        byte[] code = Files.readAllBytes(BootedGuest.nasm("vga/screens.asm", work.resolve("screens.bin")));
        code[MODE_WORD] = (byte) mode;
        code[MODE_WORD + 1] = (byte) (mode >> 8);
        byte[] disk = new byte[1 << 20];
        System.arraycopy(code, 0, disk, 0, code.length);
        return Files.write(work.resolve("disk.img"), disk);
    }

    /** What a run shows once the debug log holds {@code marker}, plus a little. */
    record Screen(BufferedImage image, String text) { }

    static Screen onMimic(List<String> options, String marker) throws Exception {
        ByteArrayOutputStream debug = new ByteArrayOutputStream();
        try (PcMachine pc = PcMachine.create(PcOptionsParser.parse(options),
                new Host(InputStream.nullInputStream(), OutputStream.nullOutputStream(), debug, LocalDateTime.of(2024, 1, 1, 0, 0)),
                X86System.Options.defaults())) {
            for (long run = 0; run < LIMIT && !debug.toString(StandardCharsets.ISO_8859_1).contains(marker); run += SLICE) {
                RunResult result = pc.run(SLICE);
                if (result.kind() != RunResult.Kind.BUDGET) {
                    assertTrue(debug.toString(StandardCharsets.ISO_8859_1).contains(marker), result + "\n" + debug);
                    break;
                }
            }
            pc.run(SETTLE_INSTRUCTIONS);
            String text = pc.board().vga().textMode() ? pc.board().vga().screen().text() : "";
            return new Screen(pc.board().vga().render(), text);
        }
    }

    static void assertSameScreen(BufferedImage expected, BufferedImage actual, String name) throws Exception {
        assertSameScreen(expected, actual, name, 0xFFFFFF);
    }

    /**
     * Equal sizes and pixels (the bits of {@code compared}); both images are kept in target/screens
     * as NAME-qemu.png and NAME-mimic.png.
     */
    static void assertSameScreen(BufferedImage expected, BufferedImage actual, String name, int compared) throws Exception {
        Path kept = Files.createDirectories(Path.of("target", "screens"));
        ImageIO.write(expected, "png", kept.resolve(name + "-qemu.png").toFile());
        ImageIO.write(actual, "png", kept.resolve(name + "-mimic.png").toFile());
        assertEquals(expected.getWidth() + "x" + expected.getHeight(), actual.getWidth() + "x" + actual.getHeight(), "screen size");
        List<String> differences = new ArrayList<>();
        int count = 0;
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int want = expected.getRGB(x, y) & compared;
                int got = actual.getRGB(x, y) & compared;
                if (want != got) {
                    count++;
                    if (differences.size() < 10) {
                        differences.add(String.format("(%d,%d) qemu %06x mimic %06x", x, y, want, got));
                    }
                }
            }
        }
        assertEquals(0, count, count + " pixels differ (images in " + kept.toAbsolutePath() + "): " + differences);
    }
}
