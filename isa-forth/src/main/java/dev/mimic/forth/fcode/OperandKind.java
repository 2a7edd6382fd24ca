package dev.mimic.forth.fcode;

import java.util.Locale;

/**
 * The in-line operands an FCode token takes from the byte stream (IEEE 1275 5.2.2), as the operand
 * kinds of {@code fcode.isa} name them. Their sizes are fixed except {@link #OFFSET}, whose width the
 * program's header and {@code offset16} choose, {@link #FCODE}, one or two bytes like any token, and
 * {@link #STRING}, a length byte and that many bytes.
 */
public enum OperandKind {
    /** FCode-num32: a big-endian 32-bit number ({@code b(lit)}, the header's length). */
    NUM32,
    /** A big-endian 16-bit number (the header's checksum). */
    NUM16,
    /** One byte (the header's format). */
    BYTE,
    /** FCode-offset: a signed distance from the offset's own first byte, 8 or 16 bits. */
    OFFSET,
    /** FCode#: a token number, one byte or a prefix 0x01-0x0f and a second byte. */
    FCODE,
    /** FCode-string: a length byte, then that many bytes. */
    STRING;

    /** The kind named {@code name} in the spec ({@code num32}, {@code offset}, ...). */
    static OperandKind parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
