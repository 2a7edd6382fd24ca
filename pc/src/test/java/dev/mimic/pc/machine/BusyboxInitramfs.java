package dev.mimic.pc.machine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The initramfs the long boot tests give Debian's kernel: Debian's busybox-static:i386 (which
 * isa-x86's BusyboxTest fetches), the kernel's IDE and CD-ROM modules when asked for (which
 * scripts/fetch-debian-kernel unpacks), and an init that loads them, prints {@link #READY} and
 * starts a shell on the console.
 */
final class BusyboxInitramfs {
    static final String READY = "mimic: busybox shell";
    static final Path BUSYBOX = Path.of("..", "isa-x86", "target", "busybox", "bin", "busybox");
    private static final Path CPIO = Path.of("/usr/bin/cpio");
    private static final Path MODULES = Path.of("target", "debian-kernel", "lib", "modules");
    /** The modules that give /dev/sda and /dev/sr0 over ata_piix, in an order insmod can load them. */
    static final List<String> IDE_MODULES = List.of("scsi_common", "scsi_mod", "libata", "ata_piix", "crc64", "crc64-rocksoft",
            "crct10dif_common", "crc-t10dif", "t10-pi", "sd_mod", "cdrom", "sr_mod", "isofs");

    private BusyboxInitramfs() {
    }

    /** Skips the test unless busybox and cpio are there. */
    static void assumeAvailable() {
        assumeTrue(Files.isExecutable(BUSYBOX), "run isa-x86's BusyboxTest first, which fetches busybox-static:i386");
        assumeTrue(Files.isExecutable(CPIO), "install cpio");
    }

    /** A newc cpio in {@code work} of busybox, the {@code modules} (names from {@link #IDE_MODULES}) and the init. */
    static Path build(Path work, List<String> modules) throws Exception {
        assumeAvailable();
        Path root = work.resolve("root");
        for (String dir : List.of("bin", "proc", "sys", "dev", "lib/modules")) {
            Files.createDirectories(root.resolve(dir));
        }
        Files.copy(BUSYBOX, root.resolve("bin/busybox"));
        StringBuilder load = new StringBuilder();
        for (String module : modules) {
            Files.copy(module(module), root.resolve("lib/modules/" + module + ".ko"));
            load.append("insmod /lib/modules/").append(module).append(".ko\n");
        }
        Path init = Files.writeString(root.resolve("init"), """
                #!/bin/busybox sh
                /bin/busybox --install -s /bin
                mount -t proc proc /proc
                mount -t devtmpfs devtmpfs /dev
                mount -t sysfs sysfs /sys
                %secho "%s"
                exec sh
                """.formatted(load, READY));
        Files.setPosixFilePermissions(init, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path archive = work.resolve("initramfs.cpio");
        Process cpio = new ProcessBuilder("sh", "-c", "find . | " + CPIO + " -o -H newc --quiet > " + archive)
                .directory(root.toFile()).redirectErrorStream(true).start();
        String messages = new String(cpio.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, cpio.waitFor(), messages);
        return archive;
    }

    private static Path module(String name) throws IOException {
        assumeTrue(Files.isDirectory(MODULES), "run scripts/fetch-debian-kernel, which unpacks the kernel's IDE modules");
        try (Stream<Path> files = Files.walk(MODULES)) {
            return files.filter(f -> f.getFileName().toString().equals(name + ".ko")).findFirst()
                    .orElseThrow(() -> new UncheckedIOException(new IOException(name + ".ko is not under " + MODULES
                            + "; run scripts/fetch-debian-kernel again")));
        }
    }
}
