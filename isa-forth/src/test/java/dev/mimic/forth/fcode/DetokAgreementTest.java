package dev.mimic.forth.fcode;

import static dev.mimic.forth.fcode.FcodeUtils.assumePresent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code mimic fcode detok} lists the same tokens as Debian's {@code detok}: same offsets, names,
 * literals, strings and branch targets (see {@link NormalisedListing} for what is compared).
 */
class DetokAgreementTest {

    /**
     * The fcode-utils examples that toke tokenizes; date.fs and fcdisp.fs use words toke does not
     * know, so toke refuses them. pciexample.fs carries a PCI expansion ROM header.
     */
    @ParameterizedTest
    @ValueSource(strings = {"world.fs", "case.fs", "fract.fs", "primes.fs", "pciexample.fs", "simple.fs", "display.fs", "version1.fs"})
    void agreesWithDetok_onTokenizedExample(String example, @TempDir Path dir) throws Exception {
        Path source = FcodeUtils.EXAMPLES.resolve(example);
        assumePresent(source);
        assertAgrees(FcodeUtils.toke(source, dir));
    }

    /** The Open Firmware ROMs QEMU ships for its VGA, TCX and CG3 display adapters. */
    @ParameterizedTest
    @ValueSource(strings = {"QEMU,VGA.bin", "QEMU,tcx.bin", "QEMU,cgthree.bin"})
    void agreesWithDetok_onQemuRom(String rom) throws Exception {
        Path file = FcodeUtils.QEMU_ROMS.resolve(rom);
        assumePresent(file);
        assertAgrees(file);
    }

    private static void assertAgrees(Path file) throws Exception {
        String expected = String.join("\n", NormalisedListing.ofDetok(FcodeUtils.detok(file)));
        String actual = String.join("\n", NormalisedListing.ofMimic(Detokenizer.listing(file)));
        assertTrue(expected.endsWith(": end0"), file + ": detok's listing was not understood:\n" + expected);
        assertEquals(expected, actual, file + ": listing differs from detok's");
    }
}
