package dev.mimic.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class X86CommandTest {
    private static final Path SEABIOS = Path.of("/usr/share/seabios/bios.bin");

    @TempDir
    Path dir;

    @Test
    void seabiosFindsNothingToBootAndNoRebootEndsWithStatus0() {
        assumeTrue(Files.isReadable(SEABIOS), "install Debian's seabios package");
        Mimic r = Mimic.run("x86", "-nographic", "-no-reboot", "-m", "32");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("SeaBIOS (version"), r.out());
        assertTrue(r.out().contains("No bootable device."), r.out());
    }

    /** QEMU's -no-reboot ends with status 0 on a triple fault too (qemu-system-i386 8.2 does so); Mimic also says where. */
    @Test
    void aTripleFaultUnderNoRebootEndsWithStatus0AndTheFaultingState() throws Exception {
        Path disk = tripleFault();
        Mimic r = Mimic.run("x86", "-nographic", "-no-reboot", "-m", "32", "-hda", disk.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().endsWith("Booting from Hard Disk..T"), r.out());
        assertTrue(r.err().contains("mimic x86: triple fault at 0000:00007c10: #GP(0x0000), whose delivery raised #GP(0x0000);"
                + " delivering the double fault raised #GP(0x0000)"), r.err());
    }

    /** Without -no-reboot a triple fault resets the board (devices, RAM, the BIOS shadow): SeaBIOS boots the disk again. */
    @Test
    @Tag("long")
    void aTripleFaultResetsTheBoardAndSeaBiosBootsAgain() throws Exception {
        Path disk = tripleFault();
        Mimic r = Mimic.run("x86", "-nographic", "-m", "32", "--max-steps=250000000", "-hda", disk.toString());
        assertEquals(1, r.status(), "stopped by --max-steps: " + r.err());
        assertTrue(r.out().split("Booting from Hard Disk\\.\\.T", -1).length >= 3, "booted twice:\n" + r.out());
        assertTrue(r.err().contains("; resetting\n"), r.err());
    }

    /** The boot sector of src/test/resources/pc/reset/triple-fault.asm, skipping the test without SeaBIOS or nasm. */
    private Path tripleFault() throws Exception {
        assumeTrue(Files.isReadable(SEABIOS), "install Debian's seabios package");
        Nasm.assumeInstalled();
        return Nasm.assemble(Path.of("src/test/resources/pc/reset/triple-fault.asm"), dir);
    }

    /** The workbench runs the PC's devices while it continues, and a breakpoint by address stops at 0000:7C00 after SeaBIOS. */
    @Test
    void theWorkbenchContinuesThroughSeaBiosToABreakpointInTheBootSector() throws Exception {
        Path disk = tripleFault();
        Mimic r = Mimic.withInput("break 0x7c00\ncontinue\nregs\nquit\n", "debug", "x86", "-nographic", "-m", "32", "-hda", disk.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("eip    = 0x7c00"), r.out());
    }

    @Test
    void theWorkbenchOpensAtTheResetVector() {
        assumeTrue(Files.isReadable(SEABIOS), "install Debian's seabios package");
        Mimic r = Mimic.withInput("regs\nstep\nquit\n", "debug", "x86", "-nographic", "-m", "32");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("eip    = 0xfff0"), r.out());
        assertTrue(r.out().contains("cs     = 0xf000"), r.out());
        assertTrue(r.out().contains("=> 0xe05b:"), "SeaBIOS's first instruction jumps to f000:e05b:\n" + r.out());
    }

    @Test
    void withoutADisplayItSaysSoAndRunsOnTheTerminal() {
        Mimic r = Mimic.run("x86", "-bios", dir.resolve("none.bin").toString());
        assertEquals(2, r.status());
        assertArrayEquals(new String[] {"mimic x86: no display here; running as with -nographic (COM1 on the terminal)",
                "mimic x86: " + dir.resolve("none.bin") + ": cannot read the BIOS: " + dir.resolve("none.bin")}, r.errLines());
    }

    @Test
    void displayNoneRunsOnTheTerminalWithoutAWord() {
        Mimic r = Mimic.run("x86", "-display", "none", "-bios", dir.resolve("none.bin").toString());
        assertEquals(2, r.status());
        assertEquals(1, r.errLines().length, r.err());
    }

    @Test
    void ctrlACReachesTheMonitorWhichDumpsTheScreenAndQuits() throws Exception {
        assumeTrue(Files.isReadable(SEABIOS), "install Debian's seabios package");
        Path png = dir.resolve("screen.png");
        Mimic r = Mimic.withInput("\u0001c\ninfo registers\nscreendump " + png + "\nfrobnicate\nquit\n", "x86", "-nographic", "-m", "32");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("EIP="), r.out());
        assertTrue(r.out().contains("Wrote " + png), r.out());
        assertTrue(r.out().contains("unknown command: 'frobnicate'"), r.out());
        assertEquals("PNG", new String(Files.readAllBytes(png), 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void theWorkbenchDumpsTheScreen() throws Exception {
        assumeTrue(Files.isReadable(SEABIOS), "install Debian's seabios package");
        Path png = dir.resolve("screen.png");
        Mimic r = Mimic.withInput("screendump " + png + "\nhelp screendump\nquit\n", "debug", "x86", "-nographic", "-m", "32");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Wrote " + png + " ("), r.out());
        assertTrue(r.out().contains("write the PC's screen"), r.out());
        assertTrue(Files.size(png) > 0);
    }

    @Test
    void aBadOptionOrFileIsOneLineAndStatus2() throws Exception {
        Path junk = Files.write(dir.resolve("junk.bin"), new byte[1000]);
        String[][] cases = {
                {"-m", "lots"},
                {"-bios", junk.toString()},
                {"-kernel", junk.toString()},
                {"-hda", dir.resolve("missing.img").toString()},
                {"-frobnicate"},
        };
        for (String[] args : cases) {
            String[] line = new String[args.length + 2];
            line[0] = "x86";
            line[1] = "-nographic";
            System.arraycopy(args, 0, line, 2, args.length);
            Mimic r = Mimic.run(line);
            assertEquals(2, r.status(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.errLines().length, r.err());
            assertTrue(r.err().startsWith("mimic x86: "), r.err());
        }
    }
}
