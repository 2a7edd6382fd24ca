package dev.mimic.specs.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mimic.specs.model.IsaSpec;
import dev.mimic.specs.parse.IsaSpecs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpecTableTest {

    private final IsaSpec sample = IsaSpecs.load("sample");

    private byte[] table(IsaSpec spec) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SpecTable.write(spec, bytes);
        return bytes.toByteArray();
    }

    @Test
    void roundTrip_keepsEveryFieldOfEveryInstruction() throws IOException {
        IsaSpec read = SpecTable.read("sample", new ByteArrayInputStream(table(sample)));
        assertEquals(sample.name(), read.name());
        assertEquals(sample.title(), read.title());
        assertEquals(sample.semanticsClass(), read.semanticsClass());
        assertEquals(sample.instructions(), read.instructions());
        assertArrayEquals(table(sample), table(read));
    }

    @Test
    void otherBytes_areRejectedNamingTheSource() {
        var e = assertThrows(IOException.class,
                () -> SpecTable.read("x.table", new ByteArrayInputStream("isa x; instruction".getBytes())));
        assertEquals("x.table: not a spec table", e.getMessage());
    }

    @Test
    void truncatedOrExtendedTables_areRejected() throws IOException {
        byte[] bytes = table(sample);
        assertThrows(IOException.class,
                () -> SpecTable.read("t", new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length - 3))));
        var e = assertThrows(IOException.class,
                () -> SpecTable.read("t", new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length + 1))));
        assertEquals("t: bytes after the last instruction", e.getMessage());
    }

    @Test
    void anotherVersion_asksForARebuild() throws IOException {
        byte[] bytes = table(sample);
        bytes[11] = 99;
        var e = assertThrows(IOException.class, () -> SpecTable.read("t", new ByteArrayInputStream(bytes)));
        assertEquals("t: spec table version 99, expected 1 (rebuild Mimic)", e.getMessage());
    }
}
