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
        String console = boot("show-devs\ndev /pci/pci1011,19\n.properties\n", rom);
        assertTrue(console.contains("\n/pci\n/pci/pci1011,19@1\n"), console);
        assertTrue(console.contains("reg                     00000800 00000000 00000000 00000000 00000000\n"), console);
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
    @CsvSource(delimiter = '|', value = {"QEMU,tcx.bin | /SUNW,tcx", "QEMU,cgthree.bin | /cgthree", "QEMU,VGA.bin | /pci/pci1234,1111"})
    void qemuDisplaysInstallAndShowWhatIsWritten(String rom, String node) throws Exception {
        Path file = QEMU.resolve(rom);
        assumeTrue(Files.isReadable(file), file + " is missing: install Debian's qemu-system-data (scripts/test does)");
        // the display opened as stdout, without the console's output on it
        String console = boot("\" " + node + "\" open-dev to stdout\n" + SCREEN_READER
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
        assertShows(console, "|Hello, world!|\n|x?           |\n",
                "\n255 0 \n",
                "\n255 255 \n",
                "\n32 32 \n",
                "|abXY?def|\n",
                "|?cdef   |\n",
                "63 255 \n",
                "|n2  |\n|n76 |\n",
                "|?   |\n|n2  |\n|?3  |\n");
    }

    @Test
    void theConsoleShowsOnTheOutputDevice() throws Exception {
        Path file = QEMU.resolve("QEMU,tcx.bin");
        assumeTrue(Files.isReadable(file), file + " is missing: install Debian's qemu-system-data (scripts/test does)");
        // after output, the prompt and what the console prints appear on the display too
        String console = boot("\" /SUNW,tcx\" output\n.\" zq\" cr\n" + SCREEN_READER
                + ": grab  ( line n -- )  0 ?do i over char-at pad i + c! loop drop ;\n"
                + "0 3 grab pad 3 type cr  1 2 grab pad 2 type cr\n", file);
        assertShows(console, "\nok \nzq\n");
        assertTrue(!console.contains("rror"), console);
    }

    @Test
    void qemuVgaRomProbesIntoTheStdVgaPciFunction() throws Exception {
        Path file = QEMU.resolve("QEMU,VGA.bin");
        assumeTrue(Files.isReadable(file), file + " is missing: install Debian's qemu-system-data (scripts/test does)");
        String console = boot("show-devs\ndev /pci/pci1234,1111\n.properties\n.s\n", file);
        assertTrue(console.contains("\n/pci/pci1234,1111@1\n"), console);
        // configuration space, BAR 0 (1 MiB, prefetchable memory), BAR 2 (4 KiB of memory), as the
        // PCI binding writes them, and where the bus assigned the two BARs
        assertTrue(console.contains("reg                     00000800 00000000 00000000 00000000 00000000 "
                + "42000810 00000000 00000000 00000000 00100000 02000818 00000000 00000000 00000000 00001000\n"
                + "assigned-addresses      C2000810 00000000 80000000 00000000 00100000 "
                + "82000818 00000000 80100000 00000000 00001000\n"), console);
        assertTrue(console.contains("vendor-id               00001234\ndevice-id               00001111\n"
                + "class-code              00030000\ndevice_type             display\nname                    pci1234,1111\n"
                + "width                   00000400\nheight                  00000300\ndepth                   00000008\n"
                + "linebytes               00000400\n"), console);
        assertTrue(!console.contains("FCode error") && !console.contains("failed"), console);
    }

    @Test
    void pciConfigurationSpaceAnswersAsHardwareDoes() throws Exception {
        Path file = QEMU.resolve("QEMU,VGA.bin");
        assumeTrue(Files.isReadable(file), file + " is missing: install Debian's qemu-system-data (scripts/test does)");
        String console = boot("""
                " /pci" open-dev to my-self
                : cfg@  ( config-addr -- quad )  " config-l@" my-self $call-method ;
                : cfg!  ( quad config-addr -- )  " config-l!" my-self $call-method ;
                hex $800 cfg@ . $808 cfg@ . $810 cfg@ . $818 cfg@ . $814 cfg@ . $804 cfg@ 3 and . cr
                -1 $810 cfg! $810 cfg@ . -1 $818 cfg! $818 cfg@ . -1 $814 cfg! $814 cfg@ . $80000000 $810 cfg! $810 cfg@ . cr
                $1000 cfg@ . $900 cfg@ . $10800 cfg@ . 7 $1000 cfg! $1000 cfg@ . cr
                " 1" " decode-unit" my-self $call-method . . . " 3,2" " decode-unit" my-self $call-method . . . cr
                0 0 $1800 " encode-unit" my-self $call-method type space  0 0 $1a00 " encode-unit" my-self $call-method type cr
                $80000000 0 $c2000810 $100000 " pci-map-in" my-self $call-method
                $80000000 0 $c2000810 $100000 " pci-map-in" my-self $call-method = . decimal cr
                """, file);
        // vendor and device, class code, the BARs as assigned, a BAR not implemented, memory decoding on
        assertTrue(console.contains("\n11111234 3000000 80000008 80100000 0 3 \n"), console);
        // sizing: all ones written, the decoded bits read back; an unimplemented BAR stays 0
        assertTrue(console.contains("\nFFF00008 FFFFF000 0 80000008 \n"), console);
        // no device 2, no function 1 of device 1, no bus 1: all ones, and writes are lost
        assertShows(console, "\nFFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFF \n",
                "\n800 0 0 1A00 0 0 \n",
                "\n3 3,2\n");
        // mapping the same range twice gives the same memory
        assertTrue(console.contains("\n-1 \n"), console);
    }

    static void assertShows(String console, String... parts) {
        for (String part : parts) {
            assertTrue(console.contains(part), console);
        }
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
