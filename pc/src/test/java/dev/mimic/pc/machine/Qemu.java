package dev.mimic.pc.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * qemu-system-i386 as the reference PC: runs it with the given flags, SeaBIOS's debug port 0x402
 * going to a file, until that log holds a marker (QEMU's SeaBIOS waits a minute before rebooting
 * at "No bootable device", so the run is ended there) or the process ends.
 */
final class Qemu {
    static final Path BINARY = Path.of("/usr/bin/qemu-system-i386");

    /** What a run left behind and how long it took to get there. */
    record Run(String debugLog, Duration elapsed) { }

    private Qemu() {
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    static Run run(List<String> flags, Path work, String marker, Duration limit) throws IOException, InterruptedException {
        Path log = work.resolve("qemu-debugcon.log");
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-display", "none", "-monitor", "none",
                "-debugcon", "file:" + log, "-global", "isa-debugcon.iobase=0x402"));
        command.addAll(flags);
        long start = System.nanoTime();
        Process qemu = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(work.resolve("qemu-stdout.txt").toFile()).redirectErrorStream(true).start();
        try {
            long deadline = start + limit.toNanos();
            while (System.nanoTime() < deadline && qemu.isAlive() && !read(log).contains(marker)) {
                qemu.waitFor(20, TimeUnit.MILLISECONDS);
            }
            return new Run(read(log), Duration.ofNanos(System.nanoTime() - start));
        } finally {
            qemu.destroyForcibly().waitFor();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
    }
}
