package dev.mimic.forth.fcode;

import dev.mimic.forth.fcode.FCodeFunction.Nest;
import dev.mimic.forth.fcode.FCodeImage.Header;
import dev.mimic.forth.fcode.FCodeToken.Branch;
import dev.mimic.forth.fcode.FCodeToken.Function;
import dev.mimic.forth.fcode.FCodeToken.FunctionRef;
import dev.mimic.forth.fcode.FCodeToken.Number;
import dev.mimic.forth.fcode.FCodeToken.Operand;
import dev.mimic.forth.fcode.FCodeToken.Text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mimic fcode detok FILE}: lists an FCode program one token per line, in the layout of
 * Debian's {@code detok -o} (fcode-utils), so that a listing can be read beside one made by the tool
 * FCode authors know. Each line is the token's offset in the FCode stream (decimal, counted from the
 * start token), an indent of four spaces per nesting level, the token's name and its operands:
 * <pre>
 *      8: b(lit) 0x4666                       FCode-num32, in hex
 *     15: b(do) 0x0077 -> 135                 FCode-offset as stored, then its target offset
 *     14: b(") " choice 1"                    FCode-string in IEEE 1275 " syntax: "( 0a ) for
 *                                             unprintable bytes, "" for a quote
 *      8: new-token 0x800                     defining tokens: name (if any), then the number
 *    735: external-token color! 0x833
 *    173: (unnamed-fcode) [0x80c]             a headerless function the program defined
 *      0: start1 format 0x08 checksum 0x0fc1 length 0x0039
 * </pre>
 * Lines starting with a backslash are remarks (the PCI ROM header, the program header, the end).
 * The listing stops at end0, as detok does. A malformed image gives no listing but the reader's
 * {@link FCodeFormatException}.
 */
public final class Detokenizer {

    /**
     * Indentation stops deepening here, so that a corrupt program of nothing but b(:) tokens gives a
     * listing that grows with the program, not with its square; real drivers nest a few levels.
     */
    static final int MAX_INDENT = 16;

    private Detokenizer() {}

    /** The listing of the FCode program in {@code file}. */
    public static String listing(Path file) throws IOException {
        return listing(FCodeImage.read(file));
    }

    /**
     * The listing of {@code image}, built in full before it is returned.
     *
     * @throws FCodeFormatException at the first token that cannot be read
     */
    public static String listing(FCodeImage image) {
        List<String> lines = new ArrayList<>();
        image.pci().ifPresent(pci -> lines.add(String.format(
                "\\ %s: PCI expansion ROM image at 0x%x: vendor 0x%04x, device 0x%04x, class 0x%06x, %d bytes; FCode at 0x%x",
                image.source(), pci.imageOffset(), pci.vendor(), pci.device(), pci.classCode(), pci.imageLength(), pci.fcodeOffset())));
        Header header = image.header();
        lines.add(String.format("\\ %s: %s program, spread %d, %d-bit offsets, %d bytes, checksum 0x%04x ok",
                image.source(), header.start().word(), header.spread(), header.offsetBits(), header.length(), header.checksum()));
        List<FCodeToken> tokens = image.tokens();
        int indent = 0;
        for (FCodeToken token : tokens) {
            Nest nest = token.standard().map(FCodeFunction::nest).orElse(Nest.NONE);
            if (nest == Nest.OUT) {
                indent--;
            }
            // detok resets a negative indent (an unbalanced program) to the margin.
            indent = Math.clamp(indent, 0, MAX_INDENT);
            lines.add(String.format("%6d: %s%s", token.offset(), "    ".repeat(indent), render(token)));
            if (nest == Nest.IN) {
                indent++;
            } else if (nest == Nest.BRANCH) {
                indent += ((Branch) token.operands().get(0)).distance() > 0 ? 1 : -1;
            }
        }
        FCodeToken end = tokens.getLast();
        lines.add(String.format("\\ %s: %s at offset %d of %d bytes", image.source(), ref(end.function()), end.offset(), header.length()));
        return String.join("\n", lines) + "\n";
    }

    private static String render(FCodeToken token) {
        StringBuilder line = new StringBuilder(ref(token.function()));
        boolean header = token.standard().filter(f -> f.spread().isPresent()).isPresent();
        boolean defining = token.standard().flatMap(FCodeFunction::defines).isPresent();
        for (Operand operand : token.operands()) {
            line.append(' ').append(switch (operand) {
                case Number n when header -> switch (n.kind()) {
                    case BYTE -> String.format("format 0x%02x", n.value());
                    case NUM16 -> String.format("checksum 0x%04x", n.value());
                    default -> String.format("length 0x%04x", n.value());
                };
                case Number n -> String.format("0x%x", n.value());
                case Branch b -> String.format(b.bits() == 8 ? "0x%02x -> %d" : "0x%04x -> %d",
                        b.distance() & (1 << b.bits()) - 1, b.target());
                case Function f when defining -> String.format("0x%03x", f.ref().number());
                case Function f -> ref(f.ref());
                case Text t when defining -> name(t.latin1());
                case Text t -> quoted(t.latin1());
            });
        }
        return line.toString();
    }

    private static String ref(FunctionRef function) {
        return function.name().map(Detokenizer::name).orElseGet(function::toString);
    }

    /** IEEE 1275 string syntax, as detok writes it: {@code " text"( 0a 0d )more"}. */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\" ");
        boolean inHex = false;
        for (char c : text.toCharArray()) {
            if (printable(c)) {
                if (inHex) {
                    out.append(" )");
                    inHex = false;
                }
                out.append(c == '"' ? "\"\"" : String.valueOf(c));
            } else {
                if (!inHex) {
                    out.append("\"(");
                    inHex = true;
                }
                out.append(String.format(" %02x", (int) c));
            }
        }
        return out.append(inHex ? " )\"" : "\"").toString();
    }

    /** A function name as written, with unprintable bytes as {@code \xNN}. */
    private static String name(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(printable(c) && c != ' ' ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return out.toString();
    }

    private static boolean printable(char c) {
        return c >= 0x20 && c < 0x7f;
    }
}
