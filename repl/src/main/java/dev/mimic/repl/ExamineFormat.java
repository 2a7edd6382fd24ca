package dev.mimic.repl;

import dev.mimic.backend.machine.Machine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code /NFS} part of GDB's {@code x} command: a count, a format ({@code x} hex, {@code d}
 * signed, {@code u} unsigned, {@code o} octal, {@code c} character, {@code s} string, {@code i}
 * instruction) and a unit size ({@code b} 1, {@code h} 2, {@code w} 4, {@code g} 8 bytes). Format
 * and size letters may come in either order; the defaults are one word in hex, and bytes for
 * {@code c}. Memory is read as little-endian, the order of every machine Mimic emulates so far.
 */
public record ExamineFormat(int count, char format, int size) {
    private static final Pattern SHAPE = Pattern.compile("(\\d*)([a-z]*)");
    private static final String FORMATS = "xduocsi";
    private static final String SIZES = "bhwg";
    /** Longest string {@code x/s} shows before it gives up looking for the terminating NUL. */
    private static final int MAX_STRING = 200;

    public static ExamineFormat parse(String modifier) {
        Matcher m = SHAPE.matcher(modifier);
        if (!m.matches()) {
            throw new CommandException("bad format '/" + modifier + "' (expected /COUNT FORMAT SIZE, such as /4xw)");
        }
        int count = 1;
        if (!m.group(1).isEmpty()) {
            try {
                count = Integer.parseInt(m.group(1));
            } catch (NumberFormatException e) {
                throw new CommandException("count " + m.group(1) + " is too large");
            }
            if (count < 1) {
                throw new CommandException("count must be at least 1");
            }
        }
        char format = 0;
        int size = 0;
        for (char c : m.group(2).toCharArray()) {
            if (FORMATS.indexOf(c) >= 0 && format == 0) {
                format = c;
            } else if (SIZES.indexOf(c) >= 0 && size == 0) {
                size = 1 << SIZES.indexOf(c);
            } else {
                throw new CommandException("bad format letter '" + c + "' in '/" + modifier
                        + "' (one format of x d u o c s i, one size of b h w g)");
            }
        }
        format = format == 0 ? 'x' : format;
        return new ExamineFormat(count, format, size != 0 ? size : format == 'c' ? 1 : 4);
    }

    /** Examines memory at {@code address}; each line starts with the address it shows. */
    public List<String> render(Machine machine, long address) {
        return switch (format) {
            case 'i' -> Listing.lines(machine, machine.disassemble(address, count));
            case 's' -> strings(machine, address);
            default -> units(machine, address);
        };
    }

    private List<String> units(Machine machine, long address) {
        byte[] bytes = machine.readMemory(address, count * size);
        int perLine = size == 8 ? 2 : size == 4 ? 4 : 8;
        List<String> heads = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int first = 0; first < count; first += perLine) {
            heads.add(Listing.head(machine, address + (long) first * size));
            StringBuilder body = new StringBuilder();
            for (int i = first; i < Math.min(count, first + perLine); i++) {
                String value = unit(littleEndian(bytes, i * size));
                body.append(i == first ? "" : "  ").append(" ".repeat(Math.max(0, width() - value.length()))).append(value);
            }
            bodies.add(body.toString());
        }
        return Listing.columns(heads, bodies);
    }

    private long littleEndian(byte[] bytes, int offset) {
        long v = 0;
        for (int b = size - 1; b >= 0; b--) {
            v = v << 8 | (bytes[offset + b] & 0xFF);
        }
        return v;
    }

    /** One unit, given zero-extended. */
    private String unit(long v) {
        int bits = size * 8;
        return switch (format) {
            case 'x' -> "0x" + String.format("%0" + size * 2 + "x", v);
            case 'd' -> Long.toString(bits == 64 ? v : v << (64 - bits) >> (64 - bits));
            case 'u' -> Long.toUnsignedString(v);
            case 'o' -> v == 0 ? "0" : "0" + Long.toOctalString(v);
            case 'c' -> (v & 0xFF) + " '" + escape((int) v & 0xFF, '\'') + "'";
            default -> throw new IllegalStateException("format " + format);
        };
    }

    /** Column width of one unit: the width of the widest value of the size, so lines of numbers align. */
    private int width() {
        long all = size == 8 ? -1L : (1L << size * 8) - 1;
        return switch (format) {
            case 'd' -> unit(all ^ (all >>> 1)).length();
            case 'c' -> 0;
            default -> unit(all).length();
        };
    }

    private List<String> strings(Machine machine, long address) {
        List<String> heads = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        long at = address;
        for (int n = 0; n < count; n++) {
            heads.add(Listing.head(machine, at));
            StringBuilder text = new StringBuilder("\"");
            int length = 0;
            for (int c; length < MAX_STRING && (c = machine.readMemory(at, 1)[0] & 0xFF) != 0; length++, at++) {
                text.append(escape(c, '"'));
            }
            at++;
            bodies.add(text.append(length == MAX_STRING ? "\"..." : "\"").toString());
        }
        return Listing.columns(heads, bodies);
    }

    /** A byte as C writes it in a character or string literal quoted with {@code quote}. */
    static String escape(int c, char quote) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            case '\\' -> "\\\\";
            default -> c == quote ? "\\" + quote
                    : c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\%03o", c);
        };
    }
}
