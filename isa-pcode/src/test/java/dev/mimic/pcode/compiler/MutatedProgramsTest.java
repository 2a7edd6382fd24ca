package dev.mimic.pcode.compiler;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Errors are values: the golden programs, each broken in many places (a token deleted, or
 * replaced by an identifier, a number or a string), compile to error lists, never to an
 * exception.
 */
class MutatedProgramsTest {
    /** Every this-many-th token is mutated, to keep the run short. */
    private static final int STRIDE = 13;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]+|:=|\\.\\.|[^\\sA-Za-z0-9]");
    private static final List<String> REPLACEMENTS = List.of("", "x", "1", "'ab'");

    @TestFactory
    Stream<DynamicTest> mutatedGoldenProgram_isRejectedWithoutAnException() {
        return GoldenPrograms.onClassPath().programs().stream().map(program -> DynamicTest.dynamicTest(program.name(), () -> {
            String text = program.text();
            List<int[]> tokens = new ArrayList<>();
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                tokens.add(new int[] {m.start(), m.end()});
            }
            for (int i = 0; i < tokens.size(); i += STRIDE) {
                int[] token = tokens.get(i);
                for (String replacement : REPLACEMENTS) {
                    String mutated = text.substring(0, token[0]) + replacement + text.substring(token[1]);
                    assertDoesNotThrow(() -> new PascalCompiler().compile(program.name() + ".pas", mutated),
                            () -> program.name() + ": token " + text.substring(token[0], token[1]) + " -> '" + replacement + "'");
                }
            }
        }));
    }
}
