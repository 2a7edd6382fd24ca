package dev.mimic.forth.fcode;

import java.util.Optional;

/**
 * A malformed FCode image: a bad header, a wrong checksum, an unknown token, a length or operand
 * that runs past the end. The message is one line, {@code file: offset 0x1c: what is wrong}, and
 * once the prober knows which device node the image was probed for it adds it ({@link #probing}),
 * so a user can find both the byte and the card. The command line prints it and exits with 2.
 *
 * <p>The offset is a byte offset in the file (or the buffer the image was read from), so that a hex
 * dump finds it; for a PCI expansion ROM it includes the ROM header in front of the FCode.
 */
public final class FCodeFormatException extends RuntimeException {

    private final String source;
    private final long offset;
    private final String detail;
    private final Optional<String> node;

    /**
     * @param source the image's name, usually its file name
     * @param offset the byte offset of the fault in the file or buffer
     * @param detail what is wrong, one line without source or offset
     */
    public FCodeFormatException(String source, long offset, String detail) {
        this(source, offset, detail, Optional.empty());
    }

    private FCodeFormatException(String source, long offset, String detail, Optional<String> node) {
        super(source + ": offset 0x" + Long.toHexString(offset) + ": " + detail
                + node.map(path -> " (probing " + path + ")").orElse(""));
        this.source = source;
        this.offset = offset;
        this.detail = detail;
        this.node = node;
    }

    /** The same error, naming the device node whose probe evaluated the image. */
    public FCodeFormatException probing(String nodePath) {
        FCodeFormatException e = new FCodeFormatException(source, offset, detail, Optional.of(nodePath));
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** The image's name as given to the reader, usually its file name. */
    public String source() {
        return source;
    }

    /** The byte offset of the fault in the file or buffer the image was read from. */
    public long offset() {
        return offset;
    }

    /** The message without source, offset and node. */
    public String detail() {
        return detail;
    }

    /** The device node path the image was probed for, once the prober has added it. */
    public Optional<String> node() {
        return node;
    }
}
