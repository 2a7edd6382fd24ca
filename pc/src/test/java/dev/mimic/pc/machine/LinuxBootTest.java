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
import java.time.LocalDateTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's 686 kernel booted through SeaBIOS and linuxboot_dma.bin (-kernel), its console on
 * COM1. Slow (minutes), so tagged long: {@code mvn -pl pc verify -Plong-tests}.
 */
@Tag("long")
class LinuxBootTest {
    private static final String READY = BusyboxInitramfs.READY;

    @TempDir
    Path work;

    @Test
    void withoutARootFileSystemTheKernelBootsToTheMountPanic() throws Exception {
        ByteArrayOutputStream com1 = new ByteArrayOutputStream();
        String console = boot(kernel("-append", "console=ttyS0 panic=-1"), InputStream.nullInputStream(), com1);
        assertTrue(console.contains("Linux version 6.1"), console);
        assertTrue(console.contains("VFS: Unable to mount root fs"), console);
    }

    @Test
    void aBusyboxInitramfsGivesAShellThatRunsWhatIsTypedOnTheSerialConsole() throws Exception {
        ByteArrayOutputStream com1 = new ByteArrayOutputStream();
        String console = boot(kernel("-initrd", BusyboxInitramfs.build(work, List.of()).toString(), "-append", "console=ttyS0 panic=-1"),
                new TypedAfter(com1, READY, "echo \"6 * 7 = $((6 * 7))\"\nreboot -f\n"), com1);
        assertTrue(console.contains(READY), console);
        assertTrue(console.contains("6 * 7 = 42"), console);
    }

    /**
     * {@code poweroff -f} in the shell: Linux finds the ACPI tables SeaBIOS built for the PIIX4 PM
     * function, enters S5 through PM1a_CNT, and the machine ends with status 0, as on QEMU.
     */
    @Test
    void poweroffInTheShellTurnsTheMachineOffThroughAcpi() throws Exception {
        ByteArrayOutputStream com1 = new ByteArrayOutputStream();
        String console = boot(kernel("-initrd", BusyboxInitramfs.build(work, List.of()).toString(), "-append", "console=ttyS0 panic=-1"),
                new TypedAfter(com1, READY, "poweroff -f\n"), com1, RunResult.Kind.EXITED);
        assertTrue(console.contains("ACPI: RSDP"), console);
        assertTrue(console.contains("ACPI: Interpreter enabled"), console);
        assertTrue(console.contains("reboot: Power down"), console);
    }

    @Test
    void ataPiixReadsAndWritesTheDiskByDma() throws Exception {
        Path disk = work.resolve("disk.img");
        byte[] bytes = new byte[1 << 20];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7 + i / 512);
        }
        Files.write(disk, bytes);
        String firstSector = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Arrays.copyOf(bytes, 512)));
        ByteArrayOutputStream com1 = new ByteArrayOutputStream();
        String console = boot(kernel("-hda", disk.toString(), "-initrd", BusyboxInitramfs.build(work, BusyboxInitramfs.IDE_MODULES).toString(),
                "-append", "console=ttyS0 panic=-1"), new TypedAfter(com1, READY, """
                while [ ! -b /dev/sda ]; do sleep 1; done
                echo "transfer mode: $(cat /sys/class/ata_device/dev1.0/xfer_mode)"
                dd if=/dev/sda bs=512 count=1 | md5sum
                echo written by the guest | dd of=/dev/sda bs=512 seek=3 conv=sync,fsync
                reboot -f
                """), com1);
        assertTrue(console.contains("bmdma 0x"), "ata_piix found the bus-master block\n" + console);
        assertTrue(console.contains("transfer mode: XFER_MW_DMA_2"), console);
        assertTrue(console.contains(firstSector + "  -"), console);
        byte[] written = Arrays.copyOfRange(Files.readAllBytes(disk), 3 * 512, 4 * 512);
        byte[] expected = Arrays.copyOf("written by the guest\n".getBytes(StandardCharsets.US_ASCII), 512);
        assertArrayEquals(expected, written, "the sector the guest wrote, padded with zeros, is in the image file");
    }

    /**
     * The same kernel from a CD that isolinux boots through SeaBIOS's El Torito support; the
     * initramfs loads the IDE modules and the shell mounts the CD it came from (ATAPI by DMA).
     */
    @Test
    void theKernelBootsFromAnIsolinuxCdAndMountsIt() throws Exception {
        Path iso = BootCd.isolinux(work, DebianKernelTest.kernel(), BusyboxInitramfs.build(work, BusyboxInitramfs.IDE_MODULES));
        assertBootsFromCdAndMountsIt(iso, "ISOLINUX", "isolinux");
    }

    /** The same kernel from a GRUB rescue CD (grub-mkrescue), GRUB's menu and terminal on COM1. */
    @Test
    void theKernelBootsFromAGrubCd() throws Exception {
        Path iso = BootCd.grub(work, DebianKernelTest.kernel(), BusyboxInitramfs.build(work, BusyboxInitramfs.IDE_MODULES));
        assertBootsFromCdAndMountsIt(iso, "GRUB", "boot");
    }

    private void assertBootsFromCdAndMountsIt(Path iso, String loader, String directory) throws Exception {
        ByteArrayOutputStream com1 = new ByteArrayOutputStream();
        String console = boot(List.of("-cdrom", iso.toString(), "-boot", "d"), new TypedAfter(com1, READY, """
                while [ ! -b /dev/sr0 ]; do sleep 1; done
                mkdir /cd && mount -t iso9660 -o ro /dev/sr0 /cd && echo on the CD: $(ls /cd)
                echo "CD transfer mode: $(cat /sys/class/ata_device/dev2.0/xfer_mode)"
                reboot -f
                """), com1);
        assertTrue(console.contains(loader), console);
        assertTrue(console.contains(READY), console);
        String listing = console.lines().filter(l -> l.startsWith("on the CD: ")).findFirst().orElse("");
        assertTrue(listing.contains(" initrd.img") && listing.contains(" " + directory) && listing.contains(" vmlinuz"), console);
        assertTrue(console.contains("CD transfer mode: XFER_MW_DMA_2"), console);
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

    /** Options that boot Debian's kernel with -kernel and {@code extra}. */
    private static List<String> kernel(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("-kernel", DebianKernelTest.kernel().toString()));
        args.addAll(List.of(extra));
        return args;
    }

    /** Boots a PC with 128 MiB and {@code options} under -no-reboot, COM1 on {@code in} and {@code com1}; returns its output once the guest reboots. */
    private String boot(List<String> options, InputStream in, ByteArrayOutputStream com1) throws Exception {
        return boot(options, in, com1, RunResult.Kind.REBOOT_REFUSED);
    }

    /** The same, returning once the run ends as {@code expected} (with status 0 for an exit). */
    private String boot(List<String> options, InputStream in, ByteArrayOutputStream com1, RunResult.Kind expected) throws Exception {
        assumeTrue(Files.isReadable(PcOptions.DEFAULT_BIOS), "install Debian's seabios package");
        List<String> args = new ArrayList<>(List.of("-m", "128", "-nographic", "-no-reboot"));
        args.addAll(options);
        RunResult result;
        try (PcMachine pc = PcMachine.create(PcOptionsParser.parse(args),
                new Host(in, com1, OutputStream.nullOutputStream(), LocalDateTime.of(2024, 1, 1, 0, 0)),
                X86System.Options.defaults())) {
            result = pc.run(200_000_000_000L);
        }
        String console = com1.toString(StandardCharsets.ISO_8859_1);
        assertEquals(expected, result.kind(), result + "\n" + console);
        assertEquals(0, result.status(), result + "\n" + console);
        return console;
    }
}
