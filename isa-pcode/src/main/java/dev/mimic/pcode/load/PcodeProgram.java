package dev.mimic.pcode.load;

import dev.mimic.backend.memory.GuestMemory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A P5 intermediate file assembled into pint's store image: the code (the startup call at address
 * 0, the program from {@link Mpb#BEGIN_CODE}), the constants at the top of the store, the label
 * values, the source line markers and the compiler's debug records. Immutable; a machine copies
 * the image into its store with {@link #writeTo} as often as it resets.
 *
 * <p>Store layout: code {@code [0, codeEnd)}; globals from {@link #globalsBase} (the next page
 * boundary, pint's pctop); the heap grows up from {@link #heapBase}; the stack grows down from
 * {@link #stackTop} (a page boundary under the constants); constants fill
 * {@code [constantsBase, STORE_SIZE)}.
 */
public final class PcodeProgram {
    private final String sourceName;
    private final byte[] code;
    private final int globalsBase;
    private final int globalsSize;
    private final int constantsBase;
    private final byte[] constants;
    private final Map<Integer, Integer> labels;
    private final NavigableMap<Integer, Integer> lineAt;
    private final NavigableMap<Integer, Integer> firstPcOfLine;
    private final boolean overflowChecks;
    private final int programEntry;
    private final DebugInfo debug;

    PcodeProgram(String sourceName, byte[] code, int globalsSize, int constantsBase, byte[] constants,
                 Map<Integer, Integer> labels, NavigableMap<Integer, Integer> lineAt,
                 NavigableMap<Integer, Integer> firstPcOfLine, boolean overflowChecks, int programEntry, DebugInfo debug) {
        this.sourceName = sourceName;
        this.code = code;
        this.globalsBase = Mpb.alignUp(Math.max(code.length, Mpb.BEGIN_CODE), Mpb.PAGE_SIZE);
        this.globalsSize = globalsSize;
        this.constantsBase = constantsBase;
        this.constants = constants;
        this.labels = Map.copyOf(labels);
        this.lineAt = Collections.unmodifiableNavigableMap(new TreeMap<>(lineAt));
        this.firstPcOfLine = Collections.unmodifiableNavigableMap(new TreeMap<>(firstPcOfLine));
        this.overflowChecks = overflowChecks;
        this.programEntry = programEntry;
        this.debug = debug;
    }

    /**
     * Reads and assembles a P5 intermediate file.
     *
     * @throws PcodeFormatException with {@code file:line: message} when the file is malformed
     * @throws IOException          when it cannot be read
     */
    public static PcodeProgram load(Path file) throws IOException, PcodeFormatException {
        return parse(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
    }

    /**
     * Assembles P5 intermediate text; {@code sourceName} names it in error messages.
     *
     * @throws PcodeFormatException with {@code sourceName:line: message} when the text is malformed
     */
    public static PcodeProgram parse(String sourceName, String text) throws PcodeFormatException {
        return new Assembler(sourceName, text).assemble();
    }

    /** Copies code and constants into a machine's store (which must be {@link Mpb#STORE_SIZE} bytes). */
    public void writeTo(GuestMemory memory) {
        memory.write(0, code, 0, code.length);
        memory.write(constantsBase, constants, 0, constants.length);
    }

    /** The file name the program was loaded from, for messages. */
    public String sourceName() {
        return sourceName;
    }

    /** One past the last code byte (pint's pctop before alignment). */
    public int codeEnd() {
        return code.length;
    }

    /** Where the globals start: header files at offsets 0, 2, 4, 6. */
    public int globalsBase() {
        return globalsBase;
    }

    public int globalsSize() {
        return globalsSize;
    }

    /** The bottom of the heap (pint's gbtop). */
    public int heapBase() {
        return Mpb.alignUp(globalsBase + globalsSize, 4);
    }

    /** The initial sp and mp: the stack grows down from here. */
    public int stackTop() {
        return Mpb.alignDown(constantsBase, Mpb.PAGE_SIZE);
    }

    /** The lowest address of the constant area. */
    public int constantsBase() {
        return constantsBase;
    }

    /** Whether integer overflow is checked (option {@code o}, on unless the file turns it off). */
    public boolean overflowChecks() {
        return overflowChecks;
    }

    /** The entry of the program block (the target of the startup cup), or -1 if there is none. */
    public int programEntry() {
        return programEntry;
    }

    /** The value of label {@code n}, if the file defines it. */
    public OptionalInt label(int n) {
        Integer v = labels.get(n);
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }

    /** The Pascal source line of the code at {@code pc} (the last line marker at or before it). */
    public OptionalInt sourceLine(long pc) {
        Map.Entry<Integer, Integer> e = pc < 0 || pc > Integer.MAX_VALUE ? null : lineAt.floorEntry((int) pc);
        return e == null ? OptionalInt.empty() : OptionalInt.of(e.getValue());
    }

    /** The first code address of source line {@code line}, or of the next line that has code. */
    public OptionalInt firstPc(int line) {
        Map.Entry<Integer, Integer> e = firstPcOfLine.ceilingEntry(line);
        return e == null ? OptionalInt.empty() : OptionalInt.of(e.getValue());
    }

    public DebugInfo debug() {
        return debug;
    }

    /** The Pascal source file name from the debug records, if the compiler gave one. */
    public Optional<String> pascalSource() {
        return debug.sourceFile();
    }
}
