package dev.mimic.pc.machine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Multiboot kernels through {@code -kernel}, SeaBIOS and QEMU's multiboot_dma.bin on Mimic's PC
 * and on qemu-system-i386: the same bytes on COM1. The kernels are isa-x86's bare-metal test
 * images (flat binaries with the a.out kludge) and one that prints the multiboot information.
 */
class MultibootBootTest {
    /** isa-x86's bare-metal images and their harness. */
    private static final Path BARE_METAL = Path.of("..", "isa-x86", "src", "test", "nasm");
    private static final Path SOURCES = Path.of("src", "test", "resources", "pc", "multiboot");
    private static final Path LD = Path.of("/usr/bin/ld");

    @TempDir
    Path work;

    private static void assumeTools() {
        assumeTrue(Files.isExecutable(BootedGuest.NASM), "install nasm");
        assumeTrue(SeaBiosBootTest.seabiosPresent(), "install Debian's seabios package");
        assumeTrue(Qemu.available(), "install Debian's qemu-system-x86 package");
        assumeTrue(Files.isReadable(Path.of("/usr/share/qemu/multiboot_dma.bin")), "install Debian's qemu-system-data package");
    }

    /**
     * Boots both PCs with {@code options}, without ACPI: QEMU builds its own tables, larger than
     * those SeaBIOS builds on Mimic's PC, and SeaBIOS reserves what they take at the top of RAM, so
     * the memory maps would differ.
     */
    private void assertSameOnBoth(String... options) throws Exception {
        List<String> all = new ArrayList<>(List.of(options));
        all.addAll(List.of("-machine", "acpi=off"));
        BootedGuest mimic = BootedGuest.onMimic(work, all.toArray(String[]::new));
        String qemu = BootedGuest.onQemu(work, all.toArray(String[]::new));
        assertTrue(qemu.endsWith("done\n"), "qemu-system-i386 did not finish:\n" + qemu);
        assertEquals(qemu, mimic.com1(), mimic.result().toString());
        assertEquals(RunResult.Kind.EXITED, mimic.result().kind());
    }

    @Test
    void isaX86sEntryImageSeesTheMultibootEntryState() throws Exception {
        assumeTools();
        Path image = BootedGuest.nasm(BARE_METAL.resolve("entry.asm"), BARE_METAL, work.resolve("entry.bin"));
        assertSameOnBoth("-kernel", image.toString());
    }

    @Test
    void theInformationStructureCarriesMemoryCommandLineModulesAndTheBiosMap() throws Exception {
        assumeTools();
        Path image = BootedGuest.nasm(SOURCES.resolve("info.asm"), BARE_METAL, work.resolve("info.bin"));
        Path first = Files.writeString(work.resolve("first.txt"), "the first module\n");
        Path second = Files.writeString(work.resolve("second.txt"), "x".repeat(5000) + "\n");
        assertSameOnBoth("-kernel", image.toString(), "-append", "console=ttyS0 quiet",
                "-initrd", first + " with arguments," + second);
    }

    @Test
    void anElfKernelLoadsByItsSegmentsWithTheBssCleared() throws Exception {
        assumeTools();
        assumeTrue(Files.isExecutable(LD), "install binutils (ld)");
        Path object = work.resolve("elf.o");
        Path kernel = work.resolve("elf.elf");
        run(BootedGuest.NASM.toString(), "-f", "elf32", "-o", object.toString(), SOURCES.resolve("elf.asm").toString());
        run(LD.toString(), "-m", "elf_i386", "-n", "--no-warn-rwx-segments", "-Ttext=0x100000", "-e", "start", "-o", kernel.toString(), object.toString());
        BootedGuest mimic = BootedGuest.onMimic(work, "-kernel", kernel.toString());
        assertTrue(mimic.com1().endsWith("ELF multiboot kernel: 2BADB002 0010000C 00000000 \n"), mimic.com1());
        assertEquals(BootedGuest.onQemu(work, "-kernel", kernel.toString()), mimic.com1());
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ":\n" + output);
    }
}
