package dev.mimic.forth.firmware;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.forth.ForthMachine;
import dev.mimic.forth.ForthOptions;
import dev.mimic.forth.LineSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * FCode nobody wrote for Mimic: the fcode-utils examples tokenized by toke at test time, and the
 * three FCode ROMs of Debian's qemu-system-data, attached and probed at boot as {@code --fcode} does.
 */
class RealFCodeTest {
    static final Path EXAMPLES = Path.of("/usr/share/doc/fcode-utils/examples");
    static final Path QEMU = Path.of("/usr/share/qemu");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "world      | Hello World!",
        "case       | choice 2\\n",
        "primes     | \\n9973 \\n",
        "fract      | *********** ******************************",
        "pciexample | pci driver sample."})
    void fcodeUtilsExamplesRun(String example, String printed) throws Exception {
        Path source = EXAMPLES.resolve(example + ".fs");
        assumeTrue(Files.isReadable(source), source + " is missing: install Debian's fcode-utils (scripts/test does)");
        Path copy = Files.copy(source, dir.resolve(example + ".fth"));
        String console = boot("", FCodeEvaluatorTest.toke(copy, dir));
        assertTrue(console.contains(printed.replace("\\n", "\n")), console);
        assertTrue(!console.contains("FCode error") && !console.contains("failed"), console);
    }

    @Test
    void caseSelectsOnlyItsChoice() throws Exception {
        Path source = EXAMPLES.resolve("case.fs");
        assumeTrue(Files.isReadable(source), source + " is missing");
        String console = boot("", FCodeEvaluatorTest.toke(Files.copy(source, dir.resolve("case.fth")), dir));
        assertTrue(!console.contains("choice 1") && !console.contains("choice 3"), console);
    }

    @Test
    void aPciRomIsNamedAndDescribedAsThePciBindingSays() throws Exception {
        Path source = EXAMPLES.resolve("pciexample.fs");
        assumeTrue(Files.isReadable(source), source + " is missing");
        Path rom = FCodeEvaluatorTest.toke(Files.copy(source, dir.resolve("pciexample.fth")), dir);
        String console = boot("show-devs\ndev /pci1011,19\n.properties\n", rom);
        assertTrue(console.contains("\n/pci1011,19\n"), console);
        assertTrue(console.contains("vendor-id               00001011\ndevice-id               00000019\n"
                + "class-code              00000200\nname                    pci1011,19\n"), console);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "QEMU,tcx.bin     | /SUNW,tcx  | name                    SUNW,tcx\\ndevice_type             display\\n",
        "QEMU,cgthree.bin | /cgthree   | name                    cgthree\\ndevice_type             display\\nmodel                   SUNW,501-1415\\n"})
    void qemuRomsProbeIntoTheirNodes(String rom, String node, String properties) throws Exception {
        Path file = QEMU.resolve(rom);
        assumeTrue(Files.isReadable(file), file + " is missing: install Debian's qemu-system-data (scripts/test does)");
        String console = boot("dev " + node + "\n.properties\n", file);
        assertTrue(console.contains(properties.replace("\\n", "\n")), console);
        assertTrue(!console.contains("FCode error"), console);
    }

    @Test
    void qemuVgaRomProbesIntoTheStdVgaPciFunction() throws Exception {
        Path file = QEMU.resolve("QEMU,VGA.bin");
        assumeTrue(Files.isReadable(file), file + " is missing: install Debian's qemu-system-data (scripts/test does)");
        String console = boot("show-devs\ndev /pci1234,1111\n.properties\n.s\n", file);
        assertTrue(console.contains("\n/pci1234,1111\n"), console);
        assertTrue(console.contains("vendor-id               00001234\ndevice-id               00001111\n"
                + "class-code              00030000\ndevice_type             display\nname                    pci1234,1111\n"
                + "width                   00000400\nheight                  00000300\ndepth                   00000008\n"
                + "linebytes               00000400\n"), console);
        assertTrue(!console.contains("FCode error") && !console.contains("failed"), console);
    }

    /** The console of the built-in firmware booted with {@code roms} attached, fed {@code input}. */
    static String boot(String input, Path... roms) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        List<ForthOptions.Argument> attachments = new ArrayList<>();
        for (Path rom : roms) {
            attachments.add(BootCommands.attachment(rom));
        }
        ForthMachine m = ForthMachine.create(ForthOptions.defaults().withEngine(EngineKind.TIERED).withOutput(out, out)
                .withArguments(attachments)
                .withLines(LineSource.of(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out)),
                FirmwareImage.builtIn());
        assertEquals(0, m.run());
        return console.toString(StandardCharsets.UTF_8);
    }
}
