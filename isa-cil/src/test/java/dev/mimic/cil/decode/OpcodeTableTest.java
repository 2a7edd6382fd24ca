package dev.mimic.cil.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** cil.isa holds exactly the opcodes of ECMA-335 Partition III, with their operand kinds. */
class OpcodeTableTest {
    private final OpcodeTable table = OpcodeTable.standard();

    /** The unused one-byte codes of Partition III's opcode table; every other code up to 0xE0 is used. */
    private static final List<Integer> UNUSED_ONE_BYTE = List.of(0x24, 0x77, 0x78, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xAB,
            0xAC, 0xAD, 0xAE, 0xAF, 0xB0, 0xB1, 0xB2, 0xBB, 0xBC, 0xBD, 0xBE, 0xBF, 0xC0, 0xC1, 0xC4, 0xC5, 0xC7, 0xC8,
            0xC9, 0xCA, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF);

    @Test
    void oneByteOpcodes_coverPartitionThree() {
        for (int b = 0; b <= 0xFF; b++) {
            boolean expected = b <= 0xE0 && !UNUSED_ONE_BYTE.contains(b);
            assertEquals(expected, table.oneByte(b).isPresent(), "0x%02x".formatted(b));
        }
    }

    @Test
    void twoByteOpcodes_coverPartitionThree() {
        for (int b = 0; b <= 0xFF; b++) {
            boolean expected = b <= 0x1E && b != 0x08 && b != 0x10 && b != 0x1B;
            assertEquals(expected, table.twoByte(b).isPresent(), "0xfe 0x%02x".formatted(b));
        }
        assertEquals(219, table.all().size());
    }

    @Test
    void operandKinds_matchTheEncodings() {
        assertEquals(OperandKind.INT8, table.oneByte(0x1F).orElseThrow().operand());
        assertEquals(OperandKind.BRTARGET8, table.oneByte(0x2B).orElseThrow().operand());
        assertEquals(OperandKind.SWITCH, table.oneByte(0x45).orElseThrow().operand());
        assertEquals(OperandKind.STRING, table.oneByte(0x72).orElseThrow().operand());
        assertEquals(OperandKind.SIG, table.oneByte(0x29).orElseThrow().operand());
        assertEquals(OperandKind.TOK, table.oneByte(0xD0).orElseThrow().operand());
        assertEquals(OperandKind.VAR16, table.twoByte(0x0C).orElseThrow().operand());
        Opcode constrained = table.twoByte(0x16).orElseThrow();
        assertEquals("constrained.", constrained.name());
        assertEquals(OperandKind.TYPE, constrained.operand());
        assertEquals("prefix", constrained.flow());
        assertEquals("next", table.oneByte(0x58).orElseThrow().flow());
    }

    @Test
    void families_shareOneSemanticMethod() {
        IntStream.rangeClosed(0x16, 0x1E).forEach(b -> assertEquals("ldc_i4", table.oneByte(b).orElseThrow().spec().emit()));
        assertEquals("ldc_i4", table.oneByte(0x20).orElseThrow().spec().emit());
        assertEquals("beq", table.oneByte(0x2E).orElseThrow().spec().emit());
        assertEquals("beq", table.oneByte(0x3B).orElseThrow().spec().emit());
        assertEquals("ldelem", table.oneByte(0x9A).orElseThrow().spec().emit());
        assertEquals("throw_", table.oneByte(0x7A).orElseThrow().spec().emit());
        assertTrue(table.all().stream().allMatch(o -> o.spec().stack().isPresent() && o.spec().summary().isPresent()));
    }
}
