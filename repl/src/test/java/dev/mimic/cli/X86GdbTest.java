package dev.mimic.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's gdb debugging the PC from its first instruction under {@code mimic x86 -S -gdb tcp::0}:
 * the reset vector, a step into the firmware, stepping on to the boot sector the firmware copied
 * to 0000:7C00 and reading it back, then continuing to the guest's exit, which gdb sees.
 * The firmware (src/test/resources/pc/gdb/loader.asm) keeps that test short; the second test runs
 * SeaBIOS itself, with its timers and disk, under gdb.
 */
class X86GdbTest {
    private static final Path SOURCES = Path.of("src/test/resources/pc/gdb");
    private static final Path SEABIOS = Path.of("/usr/share/seabios/bios.bin");
    private static final int STATUS = 0x21 << 1 | 1;
    private static final Pattern REGISTER = Pattern.compile("^(eip|cs|esp) +(0x[0-9a-f]+) ", Pattern.MULTILINE);

    @TempDir
    static Path dir;
    private static Path firmware;
    private static byte[] bootSector;

    @BeforeAll
    static void assemble() throws Exception {
        GdbBatch.assumeInstalled();
        Nasm.assumeInstalled();
        bootSector = Files.readAllBytes(nasm("bootsector"));
        firmware = nasm("loader");
    }

    @ParameterizedTest
    @ValueSource(strings = {"interp", "jit"})
    void gdbStartsAtTheResetVectorAndStepsIntoTheBootSector(String engine) throws Exception {
        try (MimicWithStub mimic = MimicWithStub.pc("--engine=" + engine, "-nographic", "-no-reboot", "-S", "-bios", firmware.toString())) {
            String out = GdbBatch.start(dir, mimic.port(), List.of("set architecture i8086"), List.of(
                    "info registers eip cs", "stepi", "info registers eip cs",
                    "source " + SOURCES.resolve("to-boot-sector.gdb").toAbsolutePath(), "info registers eip cs esp",
                    "print/x $dl", "x/4xb 0x7c00", "continue", "detach")).finish();

            List<String> registers = REGISTER.matcher(out).results().map(m -> m.group(1) + "=" + m.group(2)).toList();
            assertEquals(List.of("eip=0xfff0", "cs=0xf000", "eip=0x0", "cs=0xf000", "eip=0x7c00", "cs=0x0", "esp=0x7c00"),
                    registers, "reset at f000:fff0, its far jump to f000:0000, then the boot sector at 0000:7c00:\n" + out);
            assertTrue(out.contains("$1 = 0x80\n"), "the boot drive in DL:\n" + out);
            assertTrue(out.contains(String.format("0x7c00:\t0x%02x\t0x%02x\t0x%02x\t0x%02x\n",
                    bootSector[0], bootSector[1], bootSector[2], bootSector[3])), out);
            assertTrue(out.contains("[Inferior 1 (Remote target) exited with code 0103]"), "isa-debug-exit's status, in octal:\n" + out);

            Mimic r = mimic.finish();
            assertEquals(STATUS, r.status(), r.err());
            assertEquals("hello from 0000:7C00\r\n", r.out());
        }
    }

    /**
     * gdb on the PC with SeaBIOS: a breakpoint set at the reset vector, before the firmware ran,
     * fires when the firmware jumps to the boot sector at 0000:7C00 (breakpoints are linear
     * addresses, whatever the mode); then a step, registers, memory, and a hardware watchpoint on
     * the word the boot sector (ticks.asm) writes only after a timer tick, which fires only if
     * device time runs while gdb continues. After gdb detaches the guest exits through
     * isa-debug-exit.
     */
    @ParameterizedTest
    @ValueSource(strings = {"interp", "jit"})
    void breakpointBeforeSeaBiosHitsTheBootSectorAndAWatchpointSeesATimerTick(String engine) throws Exception {
        assumeTrue(Files.isReadable(SEABIOS), "install seabios");
        Path disk = nasm("ticks");
        try (MimicWithStub mimic = MimicWithStub.pc("--engine=" + engine, "-nographic", "-no-reboot", "-S", "-hda", disk.toString())) {
            String out = GdbBatch.start(dir, mimic.port(), List.of("set architecture i8086"), List.of(
                    "break *0x7c00", "continue", "info registers eip cs", "stepi", "info registers eip",
                    "x/8xb 0x7c00", "watch *(unsigned short *) 0x7d00", "continue", "print/x *(unsigned short *) 0x7d00",
                    "detach")).finish();

            List<String> registers = REGISTER.matcher(out).results().map(m -> m.group(1) + "=" + m.group(2)).toList();
            assertEquals(List.of("eip=0x7c00", "cs=0x0", "eip=0x7c02"), registers, out);
            assertTrue(out.contains("Breakpoint 1, 0x00007c00 in ?? ()"), out);
            byte[] sector = Files.readAllBytes(disk);
            StringBuilder bytes = new StringBuilder("0x7c00:");
            for (int i = 0; i < 8; i++) {
                bytes.append(String.format("\t0x%02x", sector[i]));
            }
            assertTrue(out.contains(bytes + "\n"), out);
            assertTrue(out.contains("Hardware watchpoint 2: *(unsigned short *) 0x7d00"), out);
            assertTrue(out.contains("Old value = 0\nNew value = 4660\n"), "the write after the tick:\n" + out);
            assertTrue(out.contains("$1 = 0x1234\n"), out);
            assertTrue(out.contains("[Inferior 1 (Remote target) detached]"), out);

            Mimic r = mimic.finish();
            assertEquals(0x22 << 1 | 1, r.status(), r.err());
        }
    }

    /**
     * With paging on, gdb's addresses are linear, for memory as for breakpoints (as with QEMU's
     * stub): {@code x} at 0x400000 reads the page the guest mapped there (paging.asm), not physical
     * 0x400000, and a write there reaches the guest, which exits with what gdb wrote.
     */
    @ParameterizedTest
    @ValueSource(strings = {"interp", "jit"})
    void memoryReadsAndWritesGoThroughTheGuestsPageTables(String engine) throws Exception {
        Path paging = nasm("paging");
        try (MimicWithStub mimic = MimicWithStub.pc("--engine=" + engine, "-nographic", "-no-reboot", "-S", "-bios", paging.toString())) {
            String out = GdbBatch.start(dir, mimic.port(), List.of("set architecture i386"), List.of(
                    "break *0xf1100", "continue", "x/8xb 0x400000", "set {int} 0x400004 = 0x21", "x/1xw 0x400004",
                    "x/1xw 0x7fff0000", "continue")).finish();
            assertTrue(out.contains("Breakpoint 1, 0x000f1100 in ?? ()"), out);
            assertTrue(out.contains("0x400000:\t0x11\t0x22\t0x33\t0x44\t0x00\t0x00\t0x00\t0x00\n"), out);
            assertTrue(out.contains("0x400004:\t0x00000021\n"), out);
            assertTrue(out.contains("Cannot access memory at address 0x7fff0000"), "unmapped:\n" + out);
            assertTrue(out.contains("[Inferior 1 (Remote target) exited with code 0103]"), out);
            Mimic r = mimic.finish();
            assertEquals(STATUS, r.status(), r.err());
        }
    }

    /** gdb's Ctrl-C stops a PC that idles in HLT between timer interrupts; gdb's kill then ends mimic (status 0, as QEMU). */
    @ParameterizedTest
    @ValueSource(strings = {"interp", "jit"})
    void ctrlCStopsAnIdlePc(String engine) throws Exception {
        assumeTrue(Files.isReadable(SEABIOS), "install seabios");
        Path disk = nasm("idle");
        try (MimicWithStub mimic = MimicWithStub.pc("--engine=" + engine, "-nographic", "-S", "-hda", disk.toString())) {
            GdbBatch gdb = GdbBatch.start(dir, mimic.port(), List.of("set architecture i8086"),
                    List.of("continue", "info registers cs", "kill"));
            mimic.awaitOutput("idling\r\n");
            Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(gdb.process().pid())).start();
            assertEquals(0, kill.waitFor());
            String out = gdb.finish();
            assertTrue(out.contains("Program received signal SIGINT, Interrupt.\n"), out);
            assertTrue(REGISTER.matcher(out).results().anyMatch(m -> m.group(0).startsWith("cs ")), out);
            Mimic r = mimic.finish();
            assertEquals(0, r.status(), r.err());
            assertTrue(r.err().contains("mimic x86: terminated by gdb"), r.err());
        }
    }

    /** Assembles {@code SOURCES/name.asm} into {@code dir/name.bin} (the loader includes bootsector.bin from there). */
    private static Path nasm(String name) throws Exception {
        return Nasm.assemble(SOURCES.resolve(name + ".asm"), dir);
    }
}
