package dev.mimic.specs.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mimic.specs.model.Instruction;
import dev.mimic.specs.model.IsaSpec;
import dev.mimic.specs.model.Operand;
import dev.mimic.specs.model.Value;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IsaSpecsTest {

    private final IsaSpec sample = IsaSpecs.load("sample");

    private Instruction insn(String name) {
        return sample.instruction(name).orElseThrow();
    }

    @Test
    void load_readsHeaderAndInstructionsInFileOrder() {
        assertEquals("sample", sample.name());
        assertEquals(Optional.of("Sample machine"), sample.title());
        assertEquals(Optional.of("dev.mimic.specs.coverage.SampleSemantics"), sample.semanticsClass());
        assertEquals(List.of("lodi", "ldc.i4.0", "0branch", "throw", "add"),
                sample.instructions().stream().map(Instruction::name).toList());
    }

    @Test
    void stackMachineInstruction_hasEveryCommonAccessor() {
        Instruction lodi = insn("lodi");
        assertEquals(Optional.of("Loads and stores"), lodi.group());
        assertEquals(OptionalLong.of(0), lodi.opcode());
        assertEquals(List.of(new Operand("p", "level"), new Operand("q", "int")), lodi.operands());
        assertEquals("lod", lodi.emit());
        assertEquals(Optional.of("-- i"), lodi.stack());
        assertEquals(Optional.of("load integer from frame at level p, offset q"), lodi.summary());
        assertEquals(7, lodi.line());
        assertEquals(Optional.empty(), lodi.encoding());
    }

    @Test
    void registerMachineInstruction_hasEncodingFlagsBareOperandsAndMachineSpecificEntries() {
        Instruction add = insn("add");
        assertEquals(Optional.empty(), add.group());
        assertEquals(OptionalLong.empty(), add.opcode());
        assertEquals(Optional.of("00 /r"), add.encoding());
        assertEquals(List.of(new Operand("Eb", "Eb"), new Operand("Gb", "Gb")), add.operands());
        assertEquals(Optional.of(""), add.flagsRead());
        assertEquals(Optional.of("OSZAPC"), add.flagsWritten());
        assertEquals(List.of(new Value.Name("lock"), new Value.Name("rep$movsb"), new Value.Text("x")), add.entry("prefixes"));
        assertEquals(List.of(), add.entry("absent"));
        assertEquals(List.of("encoding", "operands", "flags-read", "flags-written", "prefixes"), List.copyOf(add.entries().keySet()));
    }

    @Test
    void absentEntries_defaultToEmpty() {
        Instruction ldc = insn("ldc.i4.0");
        assertEquals(List.of(), ldc.operands());
        assertEquals(Optional.empty(), ldc.summary());
        assertEquals(Optional.empty(), ldc.flagsRead());
        assertEquals(Optional.empty(), ldc.flagsWritten());
    }

    @ParameterizedTest
    @CsvSource({"lodi, lod", "ldc.i4.0, ldc_i4_0", "0branch, _0branch", "throw, throw_", "add, add"})
    void emit_defaultsToTheNameMadeAJavaIdentifier(String instruction, String emit) {
        assertEquals(emit, insn(instruction).emit());
    }

    @Test
    void byOpcode_findsHexAndDecimalOpcodes() {
        assertEquals("0branch", sample.byOpcode(0x10).orElseThrow().name());
        assertEquals("lodi", sample.byOpcode(0).orElseThrow().name());
        assertEquals(Optional.empty(), sample.byOpcode(0x11));
    }

    @Test
    void strings_resolveTheirEscapes() {
        IsaSpec spec = IsaSpecs.parse("t.isa", "isa t; instruction x { summary \"say \\\"hi\\\" \\\\ bye\"; }");
        assertEquals(Optional.of("say \"hi\" \\ bye"), spec.instruction("x").orElseThrow().summary());
    }

    @Test
    void load_ofAMissingSpec_namesTheResource() {
        var e = assertThrows(IllegalArgumentException.class, () -> IsaSpecs.load("nonesuch"));
        assertTrue(e.getMessage().contains("dev/mimic/specs/nonesuch.isa"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        unterminated string       | isa t;\\ninstruction x { summary "abc; }                 | t.isa:2:25: unterminated string
        missing semicolon         | isa t;\\ninstruction x { opcode 1 }                      | t.isa:2:26: unexpected '}', expected ';', an integer, a name or a string
        semicolon missing in line | isa t\\ntitle "T";                                       | t.isa:2:1: 'isa' takes one value (missing ';' before 'title'?)
        duplicate opcode          | isa t;\\ninstruction x { opcode 1; }\\ninstruction y { opcode 0x1; } | t.isa:3:24: duplicate opcode 1 (already used by 'x' at line 2)
        duplicate name            | isa t;\\ninstruction x { opcode 1; }\\ninstruction x { opcode 2; }   | t.isa:3:13: duplicate instruction 'x' (first defined at line 2)
        unknown top-level keyword | isa t;\\nmachine x86;                                    | t.isa:2:1: unknown top-level keyword 'machine' (expected isa, title, semantics, group or instruction)
        unexpected character      | isa t;\\ninstruction x { opcode -1; }                    | t.isa:2:24: unexpected character '-'
        wrong value type          | isa t;\\ninstruction x { opcode "1"; }                   | t.isa:2:24: 'opcode' takes an integer, not "1"
        duplicate entry           | isa t;\\ninstruction x { stack "--"; stack "--"; }       | t.isa:2:29: duplicate entry 'stack' in instruction 'x'
        invalid emit              | isa t;\\ninstruction x { emit a.b; }                     | t.isa:2:22: 'emit' takes a Java method name, not 'a.b'
        unknown escape            | isa t;\\ntitle "a\\q";                                   | t.isa:2:9: unknown escape '\\q' (only \\" and \\\\ are allowed)
        missing isa               | title "T";                                               | t.isa:1:1: missing declaration 'isa NAME;'
        integer too large         | isa t;\\ninstruction x { opcode 0x10000000000000000; }   | t.isa:2:24: integer 0x10000000000000000 does not fit in 64 bits
        """)
    void malformedInput_reportsFileLineAndColumn(String problem, String text, String message) {
        var e = assertThrows(IsaFormatException.class, () -> IsaSpecs.parse("t.isa", text.replace("\\n", "\n")));
        assertEquals(message, e.getMessage());
    }

    @Test
    void formatException_exposesItsParts() {
        var e = assertThrows(IsaFormatException.class, () -> IsaSpecs.parse("t.isa", "isa t;\n}"));
        assertEquals("t.isa", e.source());
        assertEquals(2, e.line());
        assertEquals(1, e.column());
        assertEquals("unexpected '}', expected end of file, 'group', 'instruction' or a name", e.detail());
    }
}
