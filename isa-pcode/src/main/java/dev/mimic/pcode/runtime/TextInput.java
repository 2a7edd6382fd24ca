package dev.mimic.pcode.runtime;

/**
 * A text file as ISO 7185 sees it (6.4.3.5): lines each ending in an end-of-line, even when the
 * last line of the file has no newline; a CR before a newline is not part of the line.
 */
final class TextInput implements ByteInput {
    private final ByteInput bytes;
    private boolean sawAny;
    private boolean lastWasNewline;
    private boolean supplied;

    TextInput(ByteInput bytes) {
        this.bytes = bytes;
    }

    @Override
    public int peek() {
        int c = bytes.peek();
        while (c == '\r') {
            bytes.skip();
            c = bytes.peek();
        }
        if (c < 0 && sawAny && !lastWasNewline && !supplied) {
            return '\n';
        }
        return c;
    }

    @Override
    public void skip() {
        int c = peek();
        if (c < 0) {
            return;
        }
        if (bytes.peek() < 0) {
            supplied = true;
        } else {
            bytes.skip();
        }
        sawAny = true;
        lastWasNewline = c == '\n';
    }

    /** The bytes under the text view. */
    ByteInput raw() {
        return bytes;
    }

    boolean eof() {
        return peek() < 0;
    }

    boolean eoln() {
        return peek() == '\n';
    }
}
