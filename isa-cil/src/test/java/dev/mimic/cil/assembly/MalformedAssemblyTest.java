package dev.mimic.cil.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mimic.cil.CilFormatException;
import dev.mimic.cil.metadata.Metadata;
import dev.mimic.cil.metadata.Table;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each kind of damage gives one line naming the file, the row or offset, and what is wrong. */
class MalformedAssemblyTest {

    private static byte[] fib() throws Exception {
        return Files.readAllBytes(CSharp.program("Fib"));
    }

    private static CilFormatException fails(byte[] data) {
        CilFormatException e = assertThrows(CilFormatException.class, () -> Assembly.read("prog.exe", data));
        assertTrue(e.getMessage().startsWith("prog.exe: "), e::getMessage);
        assertEquals(1, e.getMessage().lines().count(), e::getMessage);
        return e;
    }

    private static void put(byte[] data, int offset, int width, int value) {
        for (int i = 0; i < width; i++) {
            data[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    @Test
    void emptyFile_isNotAPeFile() {
        assertEquals("prog.exe: offset 0x0: not a PE file: no MZ signature", fails(new byte[0]).getMessage());
    }

    @Test
    void everyTruncation_failsCleanly() throws Exception {
        byte[] data = fib();
        for (int length = 0; length < data.length; length += 7) {
            byte[] cut = Arrays.copyOf(data, length);
            try {
                Assembly.read("prog.exe", cut);
            } catch (CilFormatException e) {
                assertTrue(e.getMessage().startsWith("prog.exe: "), e::getMessage);
            }
        }
        fails(Arrays.copyOf(data, data.length / 2));
    }

    @Test
    void codedIndexPastTheTable_namesTableRowAndColumn() throws Exception {
        byte[] data = fib();
        Metadata md = Assembly.read("prog.exe", data).metadata();
        int typeRefs = md.rowCount(Table.TYPE_REF);
        put(data, md.cellOffset(Table.TYPE_DEF, 2, 3), md.columnWidth(Table.TYPE_DEF, 3), 100 << 2 | 1);
        assertEquals("prog.exe: TypeDef row 2: Extends: row 100 of TypeRef is out of range (%d rows)".formatted(typeRefs),
                fails(data).getMessage());
    }

    @Test
    void unusedCodedIndexTag_isRefused() throws Exception {
        byte[] data = fib();
        Metadata md = Assembly.read("prog.exe", data).metadata();
        put(data, md.cellOffset(Table.TYPE_DEF, 2, 3), md.columnWidth(Table.TYPE_DEF, 3), 3);
        assertEquals("prog.exe: TypeDef row 2: Extends: tag 3 selects no table of TYPE_DEF_OR_REF",
                fails(data).getMessage());
    }

    @Test
    void badSignature_namesTheRowColumnAndOffset() throws Exception {
        byte[] data = fib();
        Metadata md = Assembly.read("prog.exe", data).metadata();
        int at = md.blob(Table.METHOD_DEF, 1, 4).start();
        data[at] = (byte) 0x0E;
        // mcs shares identical signature blobs, so a MemberRef row may be the first to decode it.
        String message = fails(data).getMessage();
        assertTrue(message.matches("prog\\.exe: (MethodDef|MemberRef) row \\d+ Signature at offset 0x%x: "
                .formatted(at) + "bad method calling convention 0x0e"), message);
    }

    @Test
    void unknownElementType_isRefused() throws Exception {
        byte[] data = fib();
        Metadata md = Assembly.read("prog.exe", data).metadata();
        int at = md.blob(Table.METHOD_DEF, 1, 4).start() + 2; // convention, count, return type
        data[at] = (byte) 0x55;
        assertTrue(fails(data).getMessage().endsWith("unknown element type 0x55"));
    }

    @Test
    void methodHeaderThatIsNeitherTinyNorFat_namesTheMethod() throws Exception {
        byte[] data = fib();
        Assembly a = Assembly.read("prog.exe", data);
        MethodDefinition f = a.findType("", "Fib").orElseThrow().method("F").orElseThrow();
        int rva = a.metadata().cell(Table.METHOD_DEF, f.row(), 0);
        int at = a.image().offsetOf("body", rva);
        data[at] = 0;
        assertEquals("prog.exe: MethodDef row %d body at offset 0x%x: method header 0x00 is neither tiny nor fat"
                .formatted(f.row(), at), fails(data).getMessage());
    }

    @Test
    void hugeRowCount_isRefusedBeforeAllocating() throws Exception {
        byte[] data = fib();
        Metadata md = Assembly.read("prog.exe", data).metadata();
        // The row counts of the present tables end where the first table, Module, starts.
        int present = 0;
        for (Table t : Table.values()) {
            present += md.rowCount(t) > 0 ? 1 : 0;
        }
        put(data, md.cellOffset(Table.MODULE, 1, 0) - 4 * present, 4, 0x00FFFFFF);
        String message = fails(data).getMessage();
        assertTrue(message.endsWith("Module: 16777215 rows of %d bytes run past the end of the table stream"
                .formatted(md.rowSize(Table.MODULE))), message);
    }
}
