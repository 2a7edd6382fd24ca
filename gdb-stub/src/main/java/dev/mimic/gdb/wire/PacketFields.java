package dev.mimic.gdb.wire;

/**
 * Reads a packet's fields left to right ({@code m addr,length}, {@code Z type,addr,kind}): hex
 * numbers up to a separator, literal prefixes, and the rest. Anything out of shape is a
 * {@link MalformedPacketException}, so command handlers never index past a packet's end.
 */
public final class PacketFields {
    private final String text;
    private int at;

    /** Fields of {@code text} after its first {@code skip} characters (the command letters). */
    public PacketFields(String text, int skip) {
        if (skip > text.length()) {
            throw new MalformedPacketException("packet too short");
        }
        this.text = text;
        this.at = skip;
    }

    /** A hex number ending at {@code separator}, which is consumed. */
    public long hexUntil(char separator) {
        int end = text.indexOf(separator, at);
        if (end < 0) {
            throw new MalformedPacketException("missing '" + separator + "'");
        }
        long v = Hex.parse(text.substring(at, end));
        at = end + 1;
        return v;
    }

    /** A hex number running to the end of the packet. */
    public long hexToEnd() {
        long v = Hex.parse(text.substring(at));
        at = text.length();
        return v;
    }

    /** A length field: a hex number that fits an int. */
    public int lengthUntil(char separator) {
        return checkedLength(hexUntil(separator));
    }

    public int lengthToEnd() {
        return checkedLength(hexToEnd());
    }

    private static int checkedLength(long n) {
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw new MalformedPacketException("length out of range");
        }
        return (int) n;
    }

    /** Everything not read yet. */
    public String rest() {
        String r = text.substring(at);
        at = text.length();
        return r;
    }

    public boolean atEnd() {
        return at == text.length();
    }
}
