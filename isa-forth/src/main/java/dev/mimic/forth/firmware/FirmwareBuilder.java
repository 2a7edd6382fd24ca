package dev.mimic.forth.firmware;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.forth.ForthMachine;
import dev.mimic.forth.ForthOptions;
import dev.mimic.forth.Outcome;
import dev.mimic.forth.boot.ForthSources;
import dev.mimic.forth.dictionary.Dictionary;
import dev.mimic.forth.fcode.FCodeFunction;
import dev.mimic.forth.fcode.FCodeTable;
import dev.mimic.forth.layout.MemoryMap;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Builds Mimic's Open Firmware: compiles the firmware sources ({@code ofw/*.fs} resources, Forth
 * like the kernel's) on a machine started from the kernel, binds every standard FCode number of
 * {@code fcode.isa} to the word of the same name (numbers without one run {@code ferror}), and
 * takes the machine's memory as the image. The build does this once; see {@link FirmwareImage}.
 *
 * <p>To find the relocations it links everything twice, the second time with the kernel's
 * dictionary {@link #SECOND_LINK} bytes higher: the cells that differ by exactly that distance
 * hold dictionary addresses. Any other difference means some cell depends on where the dictionary
 * is in a way a relocation cannot express, and fails the build.
 */
public final class FirmwareBuilder {
    /** The firmware sources, in load order. */
    static final List<String> SOURCES = List.of("support.fs", "fcode.fs", "devtree.fs", "packages.fs", "pci.fs",
            "nvram.fs", "ui.fs", "display.fs", "keyboard.fs", "client.fs", "openbios.fs", "boot.fs");
    /** The word the image boots into. */
    static final String BOOT_WORD = "ofw-boot";

    private FirmwareBuilder() {
    }

    /** How far above the first the second link puts the dictionary: 1 MiB keeps every alignment the sources ask for. */
    static final long SECOND_LINK = 0x100000;

    /** The firmware linked for the machine's {@link MemoryMap#DICTIONARY}, with its relocations. */
    public static FirmwareImage build() {
        return build(MemoryMap.DICTIONARY);
    }

    /** The firmware linked for {@code base} (an image another loader must relocate, for tests). */
    public static FirmwareImage build(long base) {
        Linked first = link(base);
        Linked second = link(base + SECOND_LINK);
        return new FirmwareImage(first.system, first.dictionary, base, first.bootXt, relocations(first, second));
    }

    /** The two sections and the boot word of one link. */
    private record Linked(byte[] system, byte[] dictionary, long bootXt) {
    }

    /**
     * The offsets (from the start of the system section) of the cells that differ between the two
     * links by exactly {@link #SECOND_LINK}.
     */
    static int[] relocations(Linked first, Linked second) {
        if (first.dictionary.length != second.dictionary.length || second.bootXt - first.bootXt != SECOND_LINK) {
            throw new IllegalStateException("firmware: the two links differ in size or boot word, so the image cannot be relocated");
        }
        ByteBuffer a = sections(first);
        ByteBuffer b = sections(second);
        int[] offsets = new int[a.capacity() / MemoryMap.CELL];
        int count = 0;
        for (int at = 0; at + MemoryMap.CELL <= a.capacity(); at += MemoryMap.CELL) {
            long difference = b.getLong(at) - a.getLong(at);
            if (difference == SECOND_LINK) {
                offsets[count++] = at;
            } else if (difference != 0) {
                throw new IllegalStateException(String.format(
                        "firmware: the cell at section offset 0x%x holds 0x%x linked once and 0x%x linked 0x%x higher; only addresses can move",
                        at, a.getLong(at), b.getLong(at), SECOND_LINK));
            }
        }
        return Arrays.copyOf(offsets, count);
    }

    private static ByteBuffer sections(Linked l) {
        return ByteBuffer.allocate(l.system.length + l.dictionary.length).order(ByteOrder.LITTLE_ENDIAN).put(l.system).put(l.dictionary);
    }

    private static Linked link(long base) {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        ForthMachine m = ForthMachine.create(ForthOptions.defaults().withEngine(EngineKind.INTERP)
                .withOutput(OutputStream.nullOutputStream(), new PrintStream(report, true, StandardCharsets.UTF_8))
                .withLines(prompt -> null), base == MemoryMap.DICTIONARY ? ForthMachine.kernel() : ForthMachine.kernelLinkedAt(base));
        for (String source : SOURCES) {
            Outcome o = m.load("ofw/" + source, ForthSources.read("ofw", source));
            if (o.kind() != Outcome.Kind.COMPLETED) {
                throw new IllegalStateException("firmware: " + report.toString(StandardCharsets.UTF_8).strip());
            }
        }
        bindFCodes(m);
        GuestMemory memory = m.memory();
        byte[] system = new byte[(int) MemoryMap.FLOAT_STACK_LIMIT];
        memory.read(0, system, 0, system.length);
        Dictionary d = new Dictionary(memory);
        byte[] dictionary = new byte[(int) (d.here() - base)];
        memory.read(base, dictionary, 0, dictionary.length);
        return new Linked(system, dictionary, word(m, BOOT_WORD));
    }

    /**
     * Fills the evaluator's token table ({@code fcode-table}, {@code fcode-flags}): each standard
     * number gets the xt of its word and whether that word is immediate (acts while compiling).
     */
    static void bindFCodes(ForthMachine m) {
        GuestMemory memory = m.memory();
        Dictionary d = new Dictionary(memory);
        long table = word(m, "fcode-table") + Dictionary.BODY;
        long flags = word(m, "fcode-flags") + Dictionary.BODY;
        long ferror = word(m, "ferror");
        for (int n = 0; n < FCodeTable.NUMBERS; n++) {
            long xt = FCodeTable.standard().byNumber(n).map(FCodeFunction::word).flatMap(m::find).orElse(ferror);
            memory.store64(table + (long) n * MemoryMap.CELL, xt);
            memory.store8(flags + n, d.isImmediate(xt) ? 1 : 0);
        }
    }

    private static long word(ForthMachine m, String name) {
        return m.find(name).orElseThrow(() -> new IllegalStateException("the firmware defines no " + name));
    }
}
