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

    /**
     * Forth that reads the screen back: a cell shows a character when each of its pixels is the
     * foreground colour exactly where the character's glyph has a bit set, the background elsewhere.
     */
    static final String SCREEN_READER = """
            : w  ( str len -- )  stdout " write" rot $call-method drop ;
            : esc  ( str len -- )  dup >r  27 pad c!  pad 1+ swap move  pad r> 1+ w ;  \\ ESC and the text
            : nl  ( -- )  13 pad c! 10 pad 1+ c! pad 2 w ;
            : pixel-set?  ( glyph x y -- flag )  fontbytes * rot + over 3 rshift + c@ $80 rot 7 and rshift and 0<> ;
            : cell-shows?  ( char column line -- flag )
              cell-adr swap >font  char-height 0 do char-width 0 do
                over j screen-width * + i + c@  over i j pixel-set? if text-foreground else text-background then
                <> if 2drop false unloop unloop exit then
              loop loop 2drop true ;
            : char-at  ( column line -- char )
              127 32 do 2dup i -rot cell-shows? if 2drop i unloop exit then loop 2drop [char] ? ;
            : .line  ( line n -- )  [char] | emit 0 ?do i over char-at emit loop drop [char] | emit cr ;
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"QEMU,tcx.bin | /SUNW,tcx", "QEMU,cgthree.bin | /cgthree"})
    void qemuDisplaysInstallAndShowWhatIsWritten(String rom, String node) throws Exception {
        Path file = QEMU.resolve(rom);
        assumeTrue(Files.isReadable(file), file + " is missing: install Debian's qemu-system-data (scripts/test does)");
        String console = boot("\" " + node + "\" output\n" + SCREEN_READER
                + "screen-width . screen-height . #columns . #lines . window-left . window-top . char-width . char-height . cr\n"
                + "\" Hello, world!\" w nl \" x\" w\n"
                + "0 13 .line 1 13 .line\n"
                // the H's left stem and its gap, in bytes: foreground 255, background 0
                + "0 0 cell-adr screen-width + dup 1+ c@ . 2 + c@ . cr\n"
                // the cursor (after the x) is the cell with its colours swapped; erasing clears all
                + "column# line# cell-adr c@ . 0 1 cell-adr 1+ screen-width 3 * + c@ . cr\n"
                + "\" [2J\" esc 0 0 char-at . 0 1 char-at . cr\n"
                // insert and delete characters, inverse video, cursor addressing
                + "\" [H\" esc \" abcdef\" w \" [1;3H\" esc \" [2@\" esc \" XY\" w 0 8 .line\n"
                + "\" [1;1H\" esc \" [3P\" esc 0 8 .line\n"
                + "\" [7m\" esc \" inv\" w \" [m\" esc 0 0 char-at . 0 0 cell-adr c@ . cr\n"
                // lines scroll up at the bottom of the window
                + "\" [2J\" esc \" [H\" esc : numbered  #lines 1+ 0 do \" n\" w i 0 <# #s #> w nl loop ; numbered 0 4 .line #lines 2 - 4 .line\n"
                // insert and delete lines
                + "\" [1;1H\" esc \" [L\" esc 0 4 .line 1 4 .line \" [2M\" esc 0 4 .line\n", file);
        assertTrue(!console.contains("FCode error") && !console.contains("rror"), console);
        assertTrue(console.contains("1024 768 128 76 0 4 8 10 \n"), console);
        // the cursor is the cell with its colours swapped, which reads as ?
        assertTrue(console.contains("|Hello, world!|\n|x?           |\n"), console);
        assertTrue(console.contains("\n255 0 \n"), console);
        assertTrue(console.contains("\n255 255 \n"), console);
        assertTrue(console.contains("\n32 32 \n"), console);
        assertTrue(console.contains("|abXY?def|\n"), console);
        assertTrue(console.contains("|?cdef   |\n"), console);
        assertTrue(console.contains("63 255 \n"), console);
        assertTrue(console.contains("|n2  |\n|n76 |\n"), console);
        assertTrue(console.contains("|?   |\n|n2  |\n|?3  |\n"), console);
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
