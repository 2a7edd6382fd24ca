package dev.mimic.pcode.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Assembles P5 intermediate text the way pint's loader does, into a {@link PcodeProgram}.
 *
 * <p>A line starts with a record letter: {@code ' '} an instruction (mnemonic and operands,
 * see {@link OperandKind}), {@code l} a label definition ({@code l 7} is the current address,
 * {@code l 7=-36} a value), {@code q} the end of a section, {@code :} a source line marker,
 * {@code !} a comment (or a debug record, {@code !@...}), {@code g} the size of the globals,
 * {@code o} options, {@code v} a logical variant table and {@code f} the compiler's error count.
 * The first section is the program, assembled from {@link Mpb#BEGIN_CODE}; the second is the
 * startup code at address 0. Labels may be used before they are defined.
 */
final class Assembler {
    private final String source;
    private final String[] lines;
    private final P5Isa isa = P5Isa.get();
    private final CodeBuffer code = new CodeBuffer();
    private final ConstantArea constants = new ConstantArea();
    private final Map<Integer, Integer> labels = new HashMap<>();
    /** Uses of labels not yet defined: label -> (code position, line) pairs. */
    private final Map<Integer, List<int[]>> fixups = new HashMap<>();
    private final TreeMap<Integer, Integer> lineAt = new TreeMap<>();
    private final TreeMap<Integer, Integer> firstPcOfLine = new TreeMap<>();
    /** Addresses of cup instructions, to find the startup call of the program block. */
    private final List<Integer> calls = new ArrayList<>();
    private final List<Scanner> debugRecords = new ArrayList<>();
    private int pc = Mpb.BEGIN_CODE;
    private int globalsSize = -1;
    private int globalsLine;
    private boolean overflowChecks = true;

    Assembler(String source, String text) {
        this.source = source;
        String[] all = text.split("\r?\n", -1);
        this.lines = all.length > 1 && all[all.length - 1].isEmpty() ? Arrays.copyOf(all, all.length - 1) : all;
    }

    PcodeProgram assemble() throws PcodeFormatException {
        int next = section(0);
        int programEnd = pc;
        pc = 0;
        next = section(next);
        if (pc > Mpb.BEGIN_CODE) {
            throw error(next, "the startup code takes " + pc + " bytes, more than the " + Mpb.BEGIN_CODE + " reserved for it");
        }
        for (int n = next; n < lines.length; n++) {
            if (lines[n].startsWith("!@")) {
                debugRecords.add(new Scanner(lines[n], n + 1));
            }
        }
        if (!fixups.isEmpty()) {
            int label = fixups.keySet().stream().min(Integer::compare).orElseThrow();
            throw error(fixups.get(label).get(0)[1], "undefined label " + label);
        }
        if (globalsSize < 0) {
            throw error(lines.length, "no 'g' record gives the size of the globals");
        }
        byte[] image = code.bytes(programEnd);
        int globalsBase = Mpb.alignUp(Math.max(programEnd, Mpb.BEGIN_CODE), Mpb.PAGE_SIZE);
        if ((long) globalsBase + globalsSize + Mpb.PAGE_SIZE > Mpb.alignDown(constants.base(), Mpb.PAGE_SIZE)) {
            throw error(globalsLine, "the program does not fit in the store (" + Mpb.STORE_SIZE + " bytes)");
        }
        int entry = calls.stream().filter(at -> at < Mpb.BEGIN_CODE).mapToInt(at -> code.get32(at + 2)).findFirst().orElse(-1);
        return new PcodeProgram(source, image, globalsSize, constants.base(), constants.bytes(), labels, lineAt,
                firstPcOfLine, overflowChecks, entry, debugInfo());
    }

    /** Assembles lines from index {@code from} up to a {@code q} line; returns the index after it. */
    private int section(int from) throws PcodeFormatException {
        for (int n = from; n < lines.length; n++) {
            Scanner s = new Scanner(lines[n], n + 1);
            char c = s.peek();
            switch (c) {
                case '!' -> {
                    if (lines[n].startsWith("!@")) {
                        debugRecords.add(s);
                    }
                }
                case 'q' -> {
                    return n + 1;
                }
                case 'l' -> labelDefinition(s);
                case ':' -> lineMarker(s);
                case 'g' -> {
                    s.next();
                    globalsSize = s.integer("the size of the globals");
                    globalsLine = s.line;
                    if (globalsSize < 0) {
                        throw error(s.line, "negative size of the globals " + globalsSize);
                    }
                    s.end();
                }
                case 'o' -> options(s);
                case 'v' -> variantTable(s);
                case 'f' -> {
                    s.next();
                    int errors = s.integer("the error count");
                    s.end();
                    if (errors > 0) {
                        throw error(s.line, "the compiler reported " + errors + " error" + (errors == 1 ? "" : "s")
                                + " in the source program");
                    }
                }
                case ' ', '\t', Scanner.EOL -> {
                    s.skipSpaces();
                    if (!s.atEnd()) {
                        instruction(s);
                    }
                }
                default -> throw error(s.line, "unexpected line start '" + printable(c) + "'");
            }
        }
        throw error(lines.length, "unexpected end of file: missing 'q' after the " + (from == 0 ? "program" : "startup code"));
    }

    private void labelDefinition(Scanner s) throws PcodeFormatException {
        s.next();
        int label = s.integer("a label number");
        s.skipSpaces();
        int value = pc;
        if (s.peek() == '=') {
            s.next();
            value = s.integer("a label value");
        }
        s.end();
        define(label, value, s.line);
    }

    private void define(int label, int value, int line) throws PcodeFormatException {
        if (label < 0) {
            throw error(line, "negative label number " + label);
        }
        if (labels.putIfAbsent(label, value) != null) {
            throw error(line, "duplicate label " + label);
        }
        List<int[]> uses = fixups.remove(label);
        if (uses != null) {
            for (int[] use : uses) {
                code.put32(use[0], value);
            }
        }
    }

    private void lineMarker(Scanner s) throws PcodeFormatException {
        s.next();
        int line = s.integer("a source line number");
        lineAt.put(pc, line);
        firstPcOfLine.putIfAbsent(line, pc);
    }

    /** {@code o} followed by letter and sign pairs, such as {@code o t+c-}; only overflow checking matters here. */
    private void options(Scanner s) throws PcodeFormatException {
        s.next();
        s.skipSpaces();
        if (s.atEnd()) {
            throw error(s.line, "no option in 'o' record");
        }
        while (!s.atEnd()) {
            char letter = s.peek();
            if (letter < 'a' || letter > 'z') {
                throw error(s.line, "bad option '" + printable(letter) + "' (expected a letter a..z)");
            }
            s.next();
            boolean on = s.peek() == '+';
            if (s.peek() == '+' || s.peek() == '-') {
                s.next();
            }
            if (letter == 'o') {
                overflowChecks = on;
            }
            while (s.peek() == ' ' || s.peek() == ',') {
                s.next();
            }
        }
    }

    /** {@code v l N count v0 v1 ...}: a table in the constants, label N = its address. */
    private void variantTable(Scanner s) throws PcodeFormatException {
        s.next();
        int label = s.labelReference();
        int count = s.integer("the table length");
        if (count < 0) {
            throw error(s.line, "negative table length " + count);
        }
        List<Integer> values = new ArrayList<>();
        while (!s.atEnd()) {
            values.add(s.integer("a table entry"));
            s.skipSpaces();
        }
        int at = constants.allocate(4 + 4 * (long) values.size(), 1, s.line);
        constants.put32(at, count);
        for (int k = 0; k < values.size(); k++) {
            constants.put32(at + 4 + 4 * k, values.get(k));
        }
        define(label, at, s.line);
    }

    private void instruction(Scanner s) throws PcodeFormatException {
        String mnemonic = s.word();
        if (mnemonic.isEmpty()) {
            throw error(s.line, "expected an instruction, found '" + printable(s.peek()) + "'");
        }
        P5Isa.Op op = isa.byMnemonic(mnemonic.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> error(s.line, "unknown instruction '" + mnemonic + "'"));
        int at = pc;
        if ((long) pc + op.length() > Mpb.alignDown(constants.base(), Mpb.PAGE_SIZE) - Mpb.PAGE_SIZE) {
            throw error(s.line, "program code overflows the store");
        }
        code.put8(at, op.opcode());
        int offset = at + 1;
        for (OperandKind kind : op.operands()) {
            int value = operand(s, op, kind, offset);
            if (kind.bytes() == 1) {
                code.put8(offset, value);
            } else {
                code.put32(offset, value);
            }
            offset += kind.bytes();
        }
        s.end();
        pc = offset;
        if (op.name().equals("cup")) {
            calls.add(at);
        }
    }

    /** Reads one operand of {@code kind}; returns its encoded value (a label's value may be fixed up later). */
    private int operand(Scanner s, P5Isa.Op op, OperandKind kind, int position) throws PcodeFormatException {
        return switch (kind) {
            case LEVEL, ARGSIZE -> {
                int v = s.integer(kind == OperandKind.LEVEL ? "a level" : "a parameter size");
                if (v < 0 || v > 255) {
                    throw error(s.line, op.name() + ": operand " + v + " out of range 0..255");
                }
                yield v;
            }
            case INT -> s.integer("an integer operand");
            case LABEL -> {
                int label = s.labelReference();
                Integer value = labels.get(label);
                if (value == null) {
                    fixups.computeIfAbsent(label, k -> new ArrayList<>()).add(new int[] {position, s.line});
                    yield 0;
                }
                yield value;
            }
            case SP -> {
                s.skipSpaces();
                String name = s.word();
                if (name.isEmpty()) {
                    throw error(s.line, "csp: expected a standard procedure name");
                }
                yield isa.procedure(name.toLowerCase(Locale.ROOT))
                        .orElseThrow(() -> error(s.line, "unknown standard procedure '" + name + "'")).number();
            }
            case BOOL -> s.integer("a boolean (0 or 1)") != 0 ? 1 : 0;
            case CHAR -> character(s);
            case REAL -> {
                double r = s.real();
                int at = constants.allocate(Mpb.REAL_SIZE, 4, s.line);
                constants.put64(at, Double.doubleToRawLongBits(r));
                yield at;
            }
            case SET -> {
                long[] words = set(s);
                int at = constants.allocate(Mpb.SET_SIZE, 1, s.line);
                for (int k = 0; k < 4; k++) {
                    constants.put64(at + 8 * k, words[k]);
                }
                yield at;
            }
            case STRING -> string(s);
            case BOUNDS -> {
                int low = s.integer("a lower bound");
                int high = s.integer("an upper bound");
                int hi = constants.allocate(4, 4, s.line);
                constants.put32(hi, high);
                int lo = constants.allocate(4, 4, s.line);
                constants.put32(lo, low);
                yield lo;
            }
            case PTRCHECK -> {
                int low = s.integer("a lower bound");
                s.integer("an upper bound");
                yield low;
            }
            case PAD -> 0;
        };
    }

    /** {@code 'c'} or a character code. */
    private int character(Scanner s) throws PcodeFormatException {
        s.skipSpaces();
        if (s.peek() == '\'') {
            s.next();
            if (s.atEnd()) {
                throw error(s.line, "ldcc: unterminated character constant");
            }
            char c = s.peek();
            s.next();
            if (s.peek() != '\'') {
                throw error(s.line, "ldcc: expected ' after the character");
            }
            s.next();
            if (c > 255) {
                throw error(s.line, "ldcc: character outside 0..255");
            }
            return c;
        }
        int code = s.integer("a character ('c' or a code)");
        if (code < 0 || code > 255) {
            throw error(s.line, "ldcc: character code " + code + " out of range 0..255");
        }
        return code;
    }

    /** {@code (e1 e2 ...)} as four little-endian 64-bit words. */
    private long[] set(Scanner s) throws PcodeFormatException {
        s.skipSpaces();
        if (s.peek() != '(') {
            throw error(s.line, "ldcs: expected '(' before the set elements");
        }
        s.next();
        long[] words = new long[4];
        for (;;) {
            s.skipSpaces();
            if (s.peek() == ')') {
                s.next();
                return words;
            }
            if (s.atEnd()) {
                throw error(s.line, "ldcs: missing ')' after the set elements");
            }
            int e = s.integer("a set element");
            if (e < 0 || e > Mpb.SET_HIGH) {
                throw error(s.line, "set element " + e + " out of range 0.." + Mpb.SET_HIGH);
            }
            words[e >> 6] |= 1L << (e & 63);
        }
    }

    /** {@code length 'text'}: the text padded with blanks or cut to length, placed in the constants. */
    private int string(Scanner s) throws PcodeFormatException {
        int length = s.integer("a string length");
        if (length < 0) {
            throw error(s.line, "lca: negative string length " + length);
        }
        s.skipSpaces();
        if (s.peek() != '\'') {
            throw error(s.line, "lca: expected a quoted string");
        }
        s.next();
        StringBuilder text = new StringBuilder();
        for (;;) {
            if (s.atEnd()) {
                throw error(s.line, "lca: unterminated string");
            }
            char c = s.peek();
            s.next();
            if (c == '\'') {
                if (s.peek() != '\'') {
                    break;
                }
                s.next();
            }
            text.append(c);
        }
        int at = constants.allocate(length, 1, s.line);
        for (int k = 0; k < length; k++) {
            char c = k < text.length() ? text.charAt(k) : ' ';
            constants.put8(at + k, c);
        }
        return at;
    }

    private DebugInfo debugInfo() throws PcodeFormatException {
        String sourceFile = null;
        List<DebugInfo.Procedure> procedures = new ArrayList<>();
        List<DebugInfo.Variable> variables = new ArrayList<>();
        for (Scanner s : debugRecords) {
            s.next();
            s.next();
            String kind = s.word();
            switch (kind) {
                case "source" -> {
                    s.skipSpaces();
                    sourceFile = s.rest().strip();
                    if (sourceFile.isEmpty()) {
                        throw error(s.line, "!@source: missing file name");
                    }
                }
                case "proc" -> {
                    int label = s.integer("!@proc: an entry label number");
                    int level = s.integer("!@proc: a level");
                    String name = s.token("!@proc: a procedure name");
                    List<String> parameters = new ArrayList<>();
                    s.skipSpaces();
                    while (!s.atEnd()) {
                        parameters.add(s.token("a program parameter"));
                        s.skipSpaces();
                    }
                    procedures.add(new DebugInfo.Procedure(name, level, label, entry(label, s), parameters));
                }
                case "var" -> {
                    int label = s.integer("!@var: an entry label number");
                    String name = s.token("!@var: a variable name");
                    int offset = s.integer("!@var: an offset");
                    int size = s.integer("!@var: a size");
                    String type = s.token("!@var: a type");
                    String how = s.token("!@var: a kind (val, var or local)");
                    s.end();
                    DebugInfo.Kind k = switch (how) {
                        case "val" -> DebugInfo.Kind.VAL;
                        case "var" -> DebugInfo.Kind.VAR;
                        case "local" -> DebugInfo.Kind.LOCAL;
                        default -> throw error(s.line, "!@var: kind must be val, var or local, not '" + how + "'");
                    };
                    if (size < 0) {
                        throw error(s.line, "!@var: negative size " + size);
                    }
                    variables.add(new DebugInfo.Variable(entry(label, s), name, offset, size, type, k));
                }
                default -> { }
            }
        }
        return new DebugInfo(Optional.ofNullable(sourceFile), procedures, variables);
    }

    private int entry(int label, Scanner s) throws PcodeFormatException {
        Integer value = labels.get(label);
        if (value == null) {
            throw error(s.line, "undefined label " + label + " in debug record");
        }
        return value;
    }

    private PcodeFormatException error(int line, String message) {
        return new PcodeFormatException(source, Math.max(1, line), message);
    }

    private static String printable(char c) {
        return c == Scanner.EOL ? "end of line" : c < ' ' || c > '~' ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    /** A cursor over one line, with the readers the record syntax needs. */
    private final class Scanner {
        static final char EOL = '\uffff';
        final String text;
        final int line;
        int at;

        Scanner(String text, int line) {
            this.text = text;
            this.line = line;
        }

        char peek() {
            return at < text.length() ? text.charAt(at) : EOL;
        }

        void next() {
            at++;
        }

        boolean atEnd() {
            return at >= text.length();
        }

        void skipSpaces() {
            while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
                at++;
            }
        }

        /** Requires the rest of the line to be blank. */
        void end() throws PcodeFormatException {
            skipSpaces();
            if (!atEnd()) {
                throw error(line, "unexpected '" + text.substring(at).strip() + "' after the operands");
            }
        }

        String rest() {
            String r = text.substring(Math.min(at, text.length()));
            at = text.length();
            return r;
        }

        /** A run of letters (a mnemonic or procedure name), possibly empty. */
        String word() {
            int start = at;
            while (at < text.length() && Character.isLetter(text.charAt(at))) {
                at++;
            }
            return text.substring(start, at);
        }

        /** A blank-delimited token. */
        String token(String what) throws PcodeFormatException {
            skipSpaces();
            int start = at;
            while (at < text.length() && text.charAt(at) != ' ' && text.charAt(at) != '\t') {
                at++;
            }
            if (start == at) {
                throw error(line, "expected " + what);
            }
            return text.substring(start, at);
        }

        int integer(String what) throws PcodeFormatException {
            skipSpaces();
            int start = at;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            int digits = at;
            while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            if (at == digits) {
                at = start;
                throw error(line, "expected " + what + ", found " + found());
            }
            try {
                return Integer.parseInt(text.substring(start, at));
            } catch (NumberFormatException e) {
                throw error(line, "number " + text.substring(start, at) + " out of range");
            }
        }

        /** {@code l N} (blanks allowed around the l). */
        int labelReference() throws PcodeFormatException {
            skipSpaces();
            if (peek() != 'l') {
                throw error(line, "expected a label (l N), found " + found());
            }
            next();
            int label = integer("a label number");
            if (label < 0) {
                throw error(line, "negative label number " + label);
            }
            return label;
        }

        /** A Pascal real literal: sign, digits, optional fraction and exponent. */
        double real() throws PcodeFormatException {
            skipSpaces();
            int start = at;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            int digits = at;
            while (Character.isDigit(peek())) {
                at++;
            }
            boolean ok = at > digits;
            if (ok && peek() == '.') {
                at++;
                int fraction = at;
                while (Character.isDigit(peek())) {
                    at++;
                }
                ok = at > fraction;
            }
            if (ok && (peek() == 'e' || peek() == 'E')) {
                at++;
                if (peek() == '+' || peek() == '-') {
                    at++;
                }
                int exponent = at;
                while (Character.isDigit(peek())) {
                    at++;
                }
                ok = at > exponent;
            }
            if (!ok) {
                at = start;
                throw error(line, "expected a real number, found " + found());
            }
            double r = Double.parseDouble(text.substring(start, at));
            if (Double.isInfinite(r)) {
                throw error(line, "real " + text.substring(start, at) + " out of range");
            }
            return r;
        }

        private String found() {
            if (atEnd()) {
                return "end of line";
            }
            String t = text.substring(at).strip();
            int blank = t.indexOf(' ');
            return "'" + (blank < 0 ? t : t.substring(0, blank)) + "'";
        }
    }

    /** The code store as it is assembled, growing from address 0. */
    private static final class CodeBuffer {
        private byte[] bytes = new byte[4096];

        void put8(int at, int v) {
            ensure(at + 1);
            bytes[at] = (byte) v;
        }

        void put32(int at, int v) {
            ensure(at + 4);
            for (int k = 0; k < 4; k++) {
                bytes[at + k] = (byte) (v >>> (8 * k));
            }
        }

        int get32(int at) {
            int v = 0;
            for (int k = 3; k >= 0; k--) {
                v = (v << 8) | (bytes[at + k] & 0xFF);
            }
            return v;
        }

        byte[] bytes(int length) {
            return Arrays.copyOf(bytes, length);
        }

        private void ensure(int size) {
            if (size > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(size, bytes.length * 2));
            }
        }
    }

    /** The constants, allocated downwards from the top of the store as pint does. */
    private final class ConstantArea {
        /** pint's first constant address is maxstr, one below the store size. */
        private int cp = Mpb.STORE_SIZE - 1;
        private byte[] bytes = new byte[256];

        int base() {
            return cp;
        }

        /** Takes {@code size} bytes below the current constants, aligned down. */
        int allocate(long size, int alignment, int line) throws PcodeFormatException {
            long at = Mpb.alignDown((int) Math.max(Integer.MIN_VALUE, cp - size), alignment);
            if (at <= Mpb.BEGIN_CODE + (long) Mpb.PAGE_SIZE * 2) {
                throw error(line, "constant table overflow: the constants do not fit in the store");
            }
            cp = (int) at;
            int needed = Mpb.STORE_SIZE - cp;
            if (needed > bytes.length) {
                byte[] grown = new byte[Math.max(needed, bytes.length * 2)];
                System.arraycopy(bytes, 0, grown, grown.length - bytes.length, bytes.length);
                bytes = grown;
            }
            return cp;
        }

        void put8(int address, int v) {
            bytes[index(address)] = (byte) v;
        }

        void put32(int address, int v) {
            for (int k = 0; k < 4; k++) {
                put8(address + k, v >>> (8 * k));
            }
        }

        void put64(int address, long v) {
            for (int k = 0; k < 8; k++) {
                put8(address + k, (int) (v >>> (8 * k)));
            }
        }

        /** The constants from {@link #base()} to the top of the store. */
        byte[] bytes() {
            return Arrays.copyOfRange(bytes, bytes.length - (Mpb.STORE_SIZE - cp), bytes.length);
        }

        private int index(int address) {
            return bytes.length - (Mpb.STORE_SIZE - address);
        }
    }
}
