package dev.mimic.forth.fcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FCodeTableTest {

    private final FCodeTable table = FCodeTable.standard();

    @Test
    void table_hasEveryStandardNumberOnce() {
        List<FCodeFunction> functions = table.functions();
        Set<String> words = new HashSet<>();
        for (FCodeFunction f : functions) {
            assertTrue(words.add(f.word()), "word " + f.word() + " appears twice");
            assertEquals(f, table.byNumber(f.number()).orElseThrow());
            assertTrue(f.spec().stack().isPresent(), f.word() + " has no stack effect");
        }
        assertEquals(382, functions.size());
        assertEquals("b(lit)", table.byNumber(0x10).orElseThrow().word());
        assertEquals(List.of(OperandKind.STRING, OperandKind.FCODE), table.byNumber(0xca).orElseThrow().operands());
        assertTrue(table.byNumber(0xc1).isEmpty());
        assertTrue(table.byNumber(FCodeTable.NUMBERS).isEmpty());
    }

    /** Every name agrees with detok's, once its two misspellings are corrected. */
    @Test
    void names_agreeWithDetok(@TempDir Path dir) throws Exception {
        List<Integer> numbers = table.functions().stream()
                .filter(f -> f.operands().isEmpty() && f.flow() != FCodeFunction.Flow.END)
                .map(FCodeFunction::number).toList();
        Path file = writeProgram(dir, numbers);
        assertEquals(NormalisedListing.ofDetok(FcodeUtils.detok(file)), NormalisedListing.ofMimic(Detokenizer.listing(file)));
    }

    /** detok knows no number the table lacks: it calls every other number ferror. */
    @Test
    void numbersMissingFromTheTable_areUnknownToDetok(@TempDir Path dir) throws Exception {
        List<Integer> missing = IntStream.range(0x10, FCodeTable.NUMBERS).filter(n -> table.byNumber(n).isEmpty()).boxed().toList();
        List<String> detok = NormalisedListing.ofDetok(FcodeUtils.detok(writeProgram(dir, missing)));
        List<String> unknown = detok.subList(1, detok.size() - 1).stream()
                .map(line -> line.substring(line.indexOf(": ") + 2)).filter(name -> !name.equals("ferror")).toList();
        assertEquals(List.of(), unknown);
        assertEquals(missing.size() + 2, detok.size());
    }

    /** A start1 program of the given tokens, without operands, then end0; the checksum is right. */
    private static Path writeProgram(Path dir, List<Integer> numbers) throws Exception {
        List<Integer> body = new ArrayList<>();
        for (int n : numbers) {
            if (n >= 0x100) {
                body.add(n >> 8);
            }
            body.add(n & 0xff);
        }
        body.add(0x00);
        Path file = dir.resolve("tokens.fc");
        Files.write(file, TestImages.program(TestImages.START1, body.stream().mapToInt(Integer::intValue).toArray()));
        return file;
    }
}
