package dev.mimic.cil.assembly;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mimic.cil.CilFormatException;
import dev.mimic.cil.disasm.Disassembler;
import dev.mimic.cil.metadata.Table;
import java.nio.file.Files;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever bytes of a real assembly are changed, loading and listing every method end in success or
 * in one clean {@link CilFormatException}: no other exception, no hang, no allocation out of
 * proportion.
 */
class CorruptAssemblyProperties {
    private static byte[] original;
    private static int metadataStart;
    private static int metadataEnd;
    private static int codeStart;
    private static int codeEnd;

    @BeforeContainer
    static void compile() throws Exception {
        if (!CSharp.available()) {
            return;
        }
        original = Files.readAllBytes(CSharp.program("Handlers"));
        Assembly a = Assembly.read("Handlers.exe", original);
        var dir = a.image().cliHeader().metadata();
        metadataStart = a.image().offsetOf("metadata", dir.rva());
        metadataEnd = metadataStart + dir.size();
        codeStart = Integer.MAX_VALUE;
        for (int row = 1; row <= a.methodCount(); row++) {
            int rva = a.metadata().cell(Table.METHOD_DEF, row, 0);
            if (rva != 0) {
                int at = a.image().offsetOf("body", rva);
                codeStart = Math.min(codeStart, at);
                codeEnd = Math.max(codeEnd, at + 12 + a.method(row).body().code().length);
            }
        }
    }

    /** Mutations anywhere in the file. */
    @Property(tries = 2000)
    void mutationsAnywhere_loadOrFailCleanly(@ForAll("positions") int[] positions, @ForAll("values") byte[] values) {
        Assume.that(original != null);
        check(mutate(positions, values, 0, original.length));
    }

    /** Mutations inside the metadata, where most decoding happens. */
    @Property(tries = 3000)
    void mutationsInMetadata_loadOrFailCleanly(@ForAll("positions") int[] positions, @ForAll("values") byte[] values) {
        Assume.that(original != null);
        check(mutate(positions, values, metadataStart, metadataEnd));
    }

    /** Mutations inside the method bodies: headers, code and exception clauses. */
    @Property(tries = 3000)
    void mutationsInMethodBodies_loadOrFailCleanly(@ForAll("positions") int[] positions,
            @ForAll("values") byte[] values) {
        Assume.that(original != null);
        check(mutate(positions, values, codeStart, codeEnd));
    }

    @Provide
    Arbitrary<int[]> positions() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).array(int[].class).ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<byte[]> values() {
        return Arbitraries.oneOf(Arbitraries.bytes(), Arbitraries.of((byte) 0, (byte) 0xFF, (byte) 0x7F, (byte) 0x80))
                .array(byte[].class).ofSize(6);
    }

    private static byte[] mutate(int[] positions, byte[] values, int from, int to) {
        byte[] data = original.clone();
        for (int i = 0; i < positions.length; i++) {
            data[from + positions[i] % (to - from)] = values[i];
        }
        return data;
    }

    private static void check(byte[] data) {
        try {
            Assembly a = Assembly.read("prog.exe", data);
            Disassembler listing = new Disassembler(a);
            for (int row = 1; row <= a.methodCount(); row++) {
                listing.method(a.method(row));
            }
            Statistics.collect("loaded and listed");
        } catch (CilFormatException e) {
            assertTrue(e.getMessage().startsWith("prog.exe: ") && e.getMessage().lines().count() == 1, e::getMessage);
            Statistics.collect("refused");
        }
    }
}
