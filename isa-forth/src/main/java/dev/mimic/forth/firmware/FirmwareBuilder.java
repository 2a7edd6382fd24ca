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
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds Mimic's Open Firmware: compiles the firmware sources ({@code ofw/*.fs} resources, Forth
 * like the kernel's) on a machine started from the kernel, binds every standard FCode number of
 * {@code fcode.isa} to the word of the same name (numbers without one run {@code ferror}), and
 * takes the machine's memory as the image. The build does this once; see {@link FirmwareImage}.
 */
public final class FirmwareBuilder {
    /** The firmware sources, in load order. */
    static final List<String> SOURCES = List.of("support.fs", "fcode.fs", "devtree.fs", "packages.fs", "pci.fs",
            "nvram.fs", "ui.fs", "display.fs", "client.fs", "openbios.fs", "boot.fs");
    /** The word the image boots into. */
    static final String BOOT_WORD = "ofw-boot";

    private FirmwareBuilder() {
    }

    public static FirmwareImage build() {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        ForthMachine m = ForthMachine.create(ForthOptions.defaults().withEngine(EngineKind.INTERP)
                .withOutput(OutputStream.nullOutputStream(), new PrintStream(report, true, StandardCharsets.UTF_8))
                .withLines(prompt -> null));
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
        byte[] dictionary = new byte[(int) (d.here() - MemoryMap.DICTIONARY)];
        memory.read(MemoryMap.DICTIONARY, dictionary, 0, dictionary.length);
        return new FirmwareImage(system, dictionary, word(m, BOOT_WORD));
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
