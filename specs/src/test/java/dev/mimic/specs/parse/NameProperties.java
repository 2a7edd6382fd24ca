package dev.mimic.specs.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mimic.specs.model.Instruction;
import javax.lang.model.SourceVersion;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any name the language admits can name an instruction, and its default emit is a usable Java method name. */
class NameProperties {

    @Provide
    Arbitrary<String> names() {
        Arbitrary<Character> first = Arbitraries.chars().with("adefhinortwXZ09_$".toCharArray());
        Arbitrary<String> rest = Arbitraries.strings().withChars("adefhinortwXZ09_$.-".toCharArray()).ofMaxLength(8);
        return Combinators.combine(first, rest).as((f, r) -> f + r)
                .filter(name -> !name.matches("[0-9]+|0[xX][0-9a-fA-F]+")) // the language reads these as numbers
                .filter(name -> !name.equals("group") && !name.equals("instruction"));
    }

    @Property
    void anyName_parsesAsAnInstructionWithAJavaMethodAsDefaultEmit(@ForAll("names") String name) {
        Instruction insn = IsaSpecs.parse("t.isa", "isa t;\ninstruction " + name + " { opcode 1; }")
                .instruction(name).orElseThrow();
        assertEquals(name, insn.name());
        assertTrue(SourceVersion.isIdentifier(insn.emit()) && !SourceVersion.isKeyword(insn.emit()), insn.emit());
    }
}
