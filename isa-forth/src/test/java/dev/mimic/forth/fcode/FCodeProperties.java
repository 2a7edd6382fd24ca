package dev.mimic.forth.fcode;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever the bytes, reading and listing them ends in a listing or in one clean
 * {@link FCodeFormatException}: no other exception, no hang, no allocation out of proportion.
 */
class FCodeProperties {

    @Property(tries = 3000)
    void anyBytes_giveAListingOrAFormatError(@ForAll @Size(max = 600) byte[] bytes) {
        check(bytes);
    }

    /**
     * Programs with a valid header around a body of standard tokens and stray bytes, laid out with
     * the header's spread; enough of them
     * must decode in full that the reader's paths past the header are exercised too.
     */
    @Property(tries = 3000)
    void tokenSoup_givesAListingOrAFormatError(@ForAll("starts") int start, @ForAll("soup") int[] body) {
        int spread = start == TestImages.START2 ? 2 : start == TestImages.START4 ? 4 : 1;
        Statistics.collect(check(TestImages.spread(TestImages.program(start, body), spread)));
        Statistics.coverage(c -> c.check(LISTING).percentage(p -> p >= 5));
    }

    @Property(tries = 1000)
    void tokenSoupInAPciRom_givesAListingOrAFormatError(@ForAll("soup") int[] body) {
        Statistics.collect(check(TestImages.pciRom(TestImages.program(TestImages.START1, body), 1)));
        Statistics.coverage(c -> c.check(LISTING).percentage(p -> p >= 5));
    }

    @Provide
    Arbitrary<Integer> starts() {
        return Arbitraries.of(TestImages.START0, TestImages.START1, TestImages.START2, TestImages.START4, TestImages.VERSION1);
    }

    /** Standard token numbers, each followed by up to five random bytes that may or may not be its operands. */
    @Provide
    Arbitrary<int[]> soup() {
        List<Integer> numbers = FCodeTable.standard().functions().stream().map(FCodeFunction::number).toList();
        Arbitrary<int[]> piece = Arbitraries.of(numbers).flatMap(n -> Arbitraries.integers().between(0, 255).array(int[].class)
                .ofMaxSize(5).map(noise -> TestImages.concat(n >= 0x100 ? new int[] {n >> 8, n & 0xff} : new int[] {n}, noise)));
        return piece.list().ofMaxSize(60).map(pieces -> TestImages.concat(pieces.toArray(int[][]::new)));
    }

    private static final String LISTING = "listing";

    /** Reads and lists {@code bytes}; returns whether that gave a listing or which error. */
    private static String check(byte[] bytes) {
        try {
            FCodeImage image = FCodeImage.read("random.fc", bytes);
            String listing = Detokenizer.listing(image);
            long lines = listing.lines().count();
            assertTrue(lines <= image.header().length() + 4, "more lines than bytes: " + lines);
            assertTrue(listing.length() <= 2000L * (bytes.length + 4), "listing of " + listing.length() + " characters");
            return LISTING;
        } catch (FCodeFormatException e) {
            assertTrue(e.getMessage().startsWith("random.fc: offset 0x"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.offset() >= 0 && e.offset() <= bytes.length, e.getMessage());
            return e.detail().replaceAll("0x\\p{XDigit}+|-?\\d+", "#");
        }
    }
}
