package dev.mimic.forth.fcode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What "agrees with detok" means: two listings agree when they have the same token lines, each
 * {@code OFFSET: NAME OPERANDS} with offsets from the start token, names and literal values, strings
 * and branch targets as {@link Detokenizer} writes them. Indentation and remarks do not count.
 *
 * <p>Debian's {@code detok -o} writes the same tokens with more decoration, which {@link #ofDetok}
 * takes off: the header's format, checksum and length on lines of their own, a string on the line
 * after its {@code b(")}, and branch offsets as {@code 0x0010 ( =dec 16  dest = 28 )}. It also
 * corrects the two words Debian's detok 1.0.2 misspells ({@link #DETOK_MISNAMES}).
 */
final class NormalisedListing {

    private static final Pattern TOKEN_LINE = Pattern.compile("^\\s*(\\d+): (.*)$");
    private static final Pattern HEADER_FIELD = Pattern.compile("^\\s*\\d+:\\s+(format|checksum|len):\\s+(0x\\p{XDigit}+).*$");
    private static final Pattern BRANCH = Pattern.compile("(0x\\p{XDigit}+) \\((?:\\s*=dec -?\\d+)?\\s+dest = (-?\\d+) \\)");

    /** detok 1.0.2's names for 0xdd and 0x122, and the standard's. */
    static final Map<String, String> DETOK_MISNAMES = Map.of("compile", "compile,", "memory-test-issue", "memory-test-suite");

    private NormalisedListing() {}

    /** The token lines of a {@link Detokenizer} listing, indentation removed. */
    static List<String> ofMimic(String listing) {
        List<String> lines = new ArrayList<>();
        for (String line : listing.split("\n")) {
            Matcher m = TOKEN_LINE.matcher(line);
            if (m.matches()) {
                lines.add(Integer.parseInt(m.group(1)) + ": " + m.group(2).strip());
            }
        }
        return lines;
    }

    /** The token lines of {@code detok -o} output, in the form {@link #ofMimic} gives. */
    static List<String> ofDetok(String output) {
        String[] in = output.split("\n");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            Matcher m = TOKEN_LINE.matcher(in[i]);
            if (!m.matches()) {
                continue;
            }
            String offset = m.group(1).strip();
            String body = m.group(2).strip();
            if (body.matches("^(start[0124]|version1)\\b.*")) {
                StringBuilder header = new StringBuilder(body.split("\\s+")[0]);
                for (String field : List.of("format", "checksum", "length")) {
                    Matcher f = HEADER_FIELD.matcher(in[++i]);
                    if (!f.matches()) {
                        throw new IllegalArgumentException("detok header line expected: " + in[i]);
                    }
                    header.append(' ').append(field).append(' ').append(f.group(2));
                }
                lines.add(offset + ": " + header);
            } else if (body.startsWith("b(\") (")) {
                lines.add(offset + ": b(\") " + in[++i].stripLeading());
            } else {
                String token = BRANCH.matcher(body).replaceAll("$1 -> $2").replaceAll("\\s+", " ");
                lines.add(offset + ": " + DETOK_MISNAMES.getOrDefault(token, token));
            }
        }
        return lines;
    }
}
