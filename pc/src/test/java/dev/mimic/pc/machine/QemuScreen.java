package dev.mimic.pc.machine;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What qemu-system-i386's standard VGA shows: boots QEMU with {@code -vga std}, no window and its
 * human monitor on a Unix socket, waits until SeaBIOS's debug log (port 0x402) holds a marker
 * (or the guest's COM1 does), lets the screen settle, and asks the monitor for a {@code screendump}
 * (a binary PPM), read back as an image.
 */
final class QemuScreen {
    private static final Duration SETTLE = Duration.ofMillis(500);

    private QemuScreen() {
    }

    /**
     * @param flags  QEMU's machine options (BIOS, RAM, disks)
     * @param marker text in the debug log or on COM1 (a file {@code qemu-com1.txt} in {@code work}) that says the screen is ready
     */
    static BufferedImage screendump(List<String> flags, Path work, String marker, Duration limit)
            throws IOException, InterruptedException {
        Path log = work.resolve("qemu-debugcon.log");
        Path com1 = work.resolve("qemu-com1.txt");
        Path socket = work.resolve("qemu-monitor.sock");
        Path ppm = work.resolve("qemu-screen.ppm");
        List<String> command = new ArrayList<>(List.of(Qemu.BINARY.toString(), "-display", "none", "-nodefaults", "-vga", "std",
                "-monitor", "unix:" + socket + ",server,nowait", "-serial", "file:" + com1,
                "-debugcon", "file:" + log, "-global", "isa-debugcon.iobase=0x402"));
        command.addAll(flags);
        Process qemu = new ProcessBuilder(command).redirectOutput(work.resolve("qemu-stdout.txt").toFile())
                .redirectErrorStream(true).start();
        try {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline && qemu.isAlive() && !(read(log) + read(com1)).contains(marker)) {
                qemu.waitFor(20, TimeUnit.MILLISECONDS);
            }
            if (!(read(log) + read(com1)).contains(marker)) {
                throw new AssertionError("qemu never showed '" + marker + "':\n" + read(log) + read(com1));
            }
            Thread.sleep(SETTLE.toMillis());
            try (SocketChannel monitor = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                monitor.connect(UnixDomainSocketAddress.of(socket));
                monitor.write(ByteBuffer.wrap(("screendump " + ppm + "\nquit\n").getBytes(StandardCharsets.US_ASCII)));
                qemu.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            }
            return readPpm(Files.readAllBytes(ppm));
        } finally {
            qemu.destroyForcibly().waitFor();
        }
    }

    /** A binary portable pixmap (P6, maximum 255), as QEMU's screendump writes it. */
    static BufferedImage readPpm(byte[] data) {
        int[] at = {0};
        String magic = token(data, at);
        int width = Integer.parseInt(token(data, at));
        int height = Integer.parseInt(token(data, at));
        int max = Integer.parseInt(token(data, at));
        if (!magic.equals("P6") || max != 255) {
            throw new IllegalArgumentException("not a P6 PPM with 8-bit samples: " + magic + " " + max);
        }
        int p = at[0] + 1;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++, p += 3) {
                image.setRGB(x, y, (data[p] & 0xFF) << 16 | (data[p + 1] & 0xFF) << 8 | data[p + 2] & 0xFF);
            }
        }
        return image;
    }

    private static String token(byte[] data, int[] at) {
        while (Character.isWhitespace(data[at[0]])) {
            at[0]++;
        }
        int start = at[0];
        while (!Character.isWhitespace(data[at[0]])) {
            at[0]++;
        }
        return new String(data, start, at[0] - start, StandardCharsets.US_ASCII);
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
    }
}
