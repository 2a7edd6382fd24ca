package dev.mimic.pc.machine;

import dev.mimic.pc.board.Host;
import dev.mimic.pc.boot.DebianKernelTest;
import dev.mimic.pc.config.PcOptions;
import dev.mimic.pc.config.PcOptionsParser;
import dev.mimic.x86.system.X86System;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's 686 kernel booted through SeaBIOS and linuxboot_dma.bin (-kernel), its console on
 * COM1. Slow (minutes), so tagged long: {@code mvn -pl pc verify -Plong-tests}.
 */
@Tag("long")
class LinuxBootTest {
    /** Debian's busybox-static:i386, which isa-x86's BusyboxTest fetches. */
    static final Path BUSYBOX = Path.of("..", "isa-x86", "target", "busybox", "bin", "busybox");
    static final Path CPIO = Path.of("/usr/bin/cpio");
    static final String READY = "mimic: busybox shell";

    @TempDir
    Path work;

    @Test
    void withoutARootFileSystemTheKernelBootsToTheMountPanic() throws Exception {
        ByteArrayOutputStream com1 = new ByteArrayOutputStream();
        String console = boot(List.of("-append", "console=ttyS0 panic=-1"), InputStream.nullInputStream(), com1);
        assertTrue(console.contains("Linux version 6.1"), console);
        assertTrue(console.contains("VFS: Unable to mount root fs"), console);
    }

    @Test
    void aBusyboxInitramfsGivesAShellThatRunsWhatIsTypedOnTheSerialConsole() throws Exception {
        assumeTrue(Files.isExecutable(BUSYBOX), "run isa-x86's BusyboxTest first, which fetches busybox-static:i386");
        assumeTrue(Files.isExecutable(CPIO), "install cpio");
        ByteArrayOutputStream com1 = new ByteArrayOutputStream();
        String console = boot(List.of("-initrd", initramfs(work).toString(), "-append", "console=ttyS0 panic=-1"),
                new TypedAfter(com1, READY, "echo \"6 * 7 = $((6 * 7))\"\nreboot -f\n"), com1);
        assertTrue(console.contains(READY), console);
        assertTrue(console.contains("6 * 7 = 42"), console);
    }

    /** Keyboard input that a person types once the shell is there: nothing until {@code output} shows {@code marker}. */
    private static final class TypedAfter extends InputStream {
        private final ByteArrayOutputStream output;
        private final String marker;
        private final byte[] text;
        private int next;

        TypedAfter(ByteArrayOutputStream output, String marker, String text) {
            this.output = output;
            this.marker = marker;
            this.text = text.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public int read() throws IOException {
            try {
                while (!output.toString(StandardCharsets.ISO_8859_1).contains(marker)) {
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + marker, e);
            }
            return next < text.length ? text[next++] & 0xFF : -1;
        }
    }

    /** Boots the kernel with {@code extra} options under -no-reboot, COM1 on {@code in} and {@code com1}; returns its output once the guest reboots. */
    private String boot(List<String> extra, InputStream in, ByteArrayOutputStream com1) throws Exception {
        assumeTrue(Files.isReadable(PcOptions.DEFAULT_BIOS), "install Debian's seabios package");
        List<String> args = new ArrayList<>(List.of("-m", "128", "-nographic", "-no-reboot", "-kernel", DebianKernelTest.kernel().toString()));
        args.addAll(extra);
        RunResult result;
        try (PcMachine pc = PcMachine.create(PcOptionsParser.parse(args),
                new Host(in, com1, OutputStream.nullOutputStream(), LocalDateTime.of(2024, 1, 1, 0, 0)),
                X86System.Options.defaults())) {
            result = pc.run(200_000_000_000L);
        }
        String console = com1.toString(StandardCharsets.ISO_8859_1);
        assertEquals(RunResult.Kind.REBOOT_REFUSED, result.kind(), result + "\n" + console);
        return console;
    }

    /** A newc cpio of busybox and an init script that says the shell is coming and starts it on the console. */
    static Path initramfs(Path work) throws Exception {
        Path root = work.resolve("root");
        Files.createDirectories(root.resolve("bin"));
        for (String dir : List.of("proc", "sys", "dev")) {
            Files.createDirectories(root.resolve(dir));
        }
        Files.copy(BUSYBOX, root.resolve("bin/busybox"));
        Path init = Files.writeString(root.resolve("init"), """
                #!/bin/busybox sh
                /bin/busybox --install -s /bin
                mount -t proc proc /proc
                echo "%s"
                exec sh
                """.formatted(READY));
        Files.setPosixFilePermissions(init, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path archive = work.resolve("initramfs.cpio");
        Process cpio = new ProcessBuilder("sh", "-c", "find . | " + CPIO + " -o -H newc --quiet > " + archive)
                .directory(root.toFile()).redirectErrorStream(true).start();
        String messages = new String(cpio.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, cpio.waitFor(), messages);
        return archive;
    }
}
