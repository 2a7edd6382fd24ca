package dev.mimic.specs.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.mimic.specs.model.IsaSpec;
import dev.mimic.specs.table.SpecTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tables the build compiled are what parsing the specs gives today, so a stale or lossy table fails here. */
class CompiledSpecsTest {

    @ParameterizedTest
    @ValueSource(strings = {"p5", "x86", "cil", "forth", "fcode"})
    void compiledTable_equalsParsedSpec(String name) throws IOException {
        String resource = "dev/mimic/specs/" + name + ".isa";
        IsaSpec parsed;
        try (InputStream text = getClass().getClassLoader().getResourceAsStream(resource)) {
            parsed = SpecParser.read(resource, new String(text.readAllBytes(), StandardCharsets.UTF_8), Optional.of(name));
        }
        IsaSpec compiled;
        try (InputStream table = getClass().getClassLoader().getResourceAsStream(resource + SpecTable.SUFFIX)) {
            assertNotNull(table, "the build wrote no table for " + resource);
            compiled = SpecTable.read(resource + SpecTable.SUFFIX, table);
        }
        assertSame(parsed, compiled);
        assertSame(parsed, IsaSpecs.load(name));
    }

    static void assertSame(IsaSpec expected, IsaSpec actual) {
        assertEquals(expected.name(), actual.name());
        assertEquals(expected.title(), actual.title());
        assertEquals(expected.semanticsClass(), actual.semanticsClass());
        assertEquals(expected.instructions(), actual.instructions());
    }
}
