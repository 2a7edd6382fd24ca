package dev.mimic.forth.fcode;

import dev.mimic.forth.fcode.FCodeToken.Number;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An FCode program found and checked in a file or buffer: a bare program starting with its start
 * token, or one inside a PCI expansion ROM. Reading verifies what IEEE 1275 5.2.2 lets a loader
 * verify before running anything: the start token, that the header's length fits in the file, and
 * the checksum (the 16-bit sum of the program's bytes after the 8-byte header). The tokens are read
 * on demand, so the evaluator and the detokenizer decode the same way.
 */
public final class FCodeImage {

    /** The start token and the format, checksum and length fields that follow it. */
    private static final int HEADER_BYTES = 8;

    private final String source;
    private final byte[] bytes;
    private final FCodeTable table;
    private final Optional<PciExpansionRom> pci;
    private final Header header;

    /**
     * The program header.
     *
     * @param start    start0, start1, start2, start4 or version1
     * @param format   the format byte (8 for IEEE 1275 programs)
     * @param checksum the stored checksum, which matched the program
     * @param length   the program's length in FCode bytes, header included
     */
    public record Header(FCodeFunction start, int format, int checksum, int length) {
        /** The distance between FCode bytes in the image (0: one address). */
        public int spread() {
            return start.spread().orElseThrow();
        }

        /** The FCode-offset width at the start of the program, 8 or 16 bits. */
        public int offsetBits() {
            return start.offsetBits().orElseThrow();
        }
    }

    private FCodeImage(String source, byte[] bytes, FCodeTable table, Optional<PciExpansionRom> pci, Header header) {
        this.source = source;
        this.bytes = bytes;
        this.table = table;
        this.pci = pci;
        this.header = header;
    }

    /** Reads the file and checks it as {@link #read(String, byte[])} does, naming it as given. */
    public static FCodeImage read(Path file) throws IOException {
        return read(file.toString(), Files.readAllBytes(file));
    }

    /**
     * Finds the FCode program in {@code bytes} and checks its header and checksum.
     *
     * @param source names the image in messages, usually its file name
     * @throws FCodeFormatException if there is no FCode program or its header is broken
     */
    public static FCodeImage read(String source, byte[] bytes) {
        FCodeTable table = FCodeTable.standard();
        if (bytes.length == 0) {
            throw new FCodeFormatException(source, 0, "empty file, not an FCode image");
        }
        Optional<PciExpansionRom> pci = PciExpansionRom.find(source, bytes);
        long start = pci.map(PciExpansionRom::fcodeOffset).orElse(0L);
        int first = bytes[(int) start] & 0xff;
        FCodeFunction starter = table.byNumber(first).filter(f -> f.spread().isPresent()).orElseThrow(() ->
                new FCodeFormatException(source, start, String.format("not an FCode image: 0x%02x is not a start token (%s)%s",
                        first, starters(table), pci.isPresent() ? "" : " nor the PCI expansion ROM signature 55 aa")));
        FCodeToken token = new FCodeReader(source, bytes, table, start, Integer.MAX_VALUE).next();
        long length = field(token, OperandKind.NUM32);
        long step = Math.max(starter.spread().orElseThrow(), 1);
        long lengthOffset = start + 4 * step;
        if (length < HEADER_BYTES) {
            throw new FCodeFormatException(source, lengthOffset,
                    String.format("program length 0x%x is shorter than its %d-byte header", length, HEADER_BYTES));
        }
        long available = (bytes.length - 1 - start) / step + 1;
        if (length > available) {
            throw new FCodeFormatException(source, lengthOffset, String.format(
                    "program length 0x%x runs past the end of the file, which holds 0x%x bytes of it", length, available));
        }
        int stored = (int) field(token, OperandKind.NUM16);
        int sum = 0;
        for (long i = HEADER_BYTES; i < length; i++) {
            sum += bytes[(int) (start + i * step)] & 0xff;
        }
        sum &= 0xffff;
        if (sum != stored) {
            throw new FCodeFormatException(source, start + 2 * step,
                    String.format("checksum 0x%04x does not match the program, whose bytes sum to 0x%04x", stored, sum));
        }
        Header header = new Header(starter, (int) field(token, OperandKind.BYTE), stored, (int) length);
        return new FCodeImage(source, bytes, table, pci, header);
    }

    /** The image's name as given to {@link #read(String, byte[])}, used in every message. */
    public String source() {
        return source;
    }

    /** The PCI expansion ROM image the program was found in, if it was in one. */
    public Optional<PciExpansionRom> pci() {
        return pci;
    }

    /** The checked program header. */
    public Header header() {
        return header;
    }

    /** A reader positioned at the start token; each call starts afresh. */
    public FCodeReader reader() {
        return new FCodeReader(source, bytes, table, pci.map(PciExpansionRom::fcodeOffset).orElse(0L), header.length());
    }

    /**
     * Every token from the start token through end0 (or end1).
     *
     * @throws FCodeFormatException at the first token that cannot be read
     */
    public List<FCodeToken> tokens() {
        FCodeReader reader = reader();
        List<FCodeToken> tokens = new ArrayList<>();
        while (reader.hasNext()) {
            tokens.add(reader.next());
        }
        return tokens;
    }

    private static long field(FCodeToken header, OperandKind kind) {
        return header.operands().stream().filter(o -> o instanceof Number n && n.kind() == kind)
                .map(o -> ((Number) o).value()).findFirst().orElseThrow();
    }

    private static String starters(FCodeTable table) {
        return table.functions().stream().filter(f -> f.spread().isPresent()).map(FCodeFunction::word)
                .collect(Collectors.joining(", "));
    }
}
