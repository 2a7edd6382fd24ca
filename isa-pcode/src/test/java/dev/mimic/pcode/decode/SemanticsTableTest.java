package dev.mimic.pcode.decode;

import dev.mimic.backend.memory.FlatMemory;
import dev.mimic.pcode.Runs;
import dev.mimic.pcode.load.Mpb;
import dev.mimic.pcode.load.P5Instruction;
import dev.mimic.pcode.load.P5Isa;
import dev.mimic.pcode.load.PcodeProgram;
import dev.mimic.specs.model.Instruction;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The table and the semantics agree, and the test programs use every instruction and standard procedure. */
class SemanticsTableTest {
    @Test
    void everyInstructionOfTheTableHasSemantics() {
        assertEquals(List.of(), P5Semantics.missing(P5Isa.get().spec().instructions()));
    }

    @Test
    void theTestProgramsUseEveryInstructionAndStandardProcedure() throws IOException, URISyntaxException {
        Set<String> used = new TreeSet<>();
        Path root = Path.of(SemanticsTableTest.class.getResource("/pcode").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".p5")).toList()) {
                used.addAll(instructions(Runs.resource(root.relativize(p).toString().replace('\\', '/'))));
            }
        }
        Set<String> unused = new TreeSet<>();
        for (Instruction i : P5Isa.get().spec().instructions()) {
            if (!used.contains(i.name())) {
                unused.add(i.name());
            }
        }
        assertEquals(Set.of(), unused);
    }

    /** The names of the instructions (and csp.NAME of the procedures) in a program's code. */
    private static Set<String> instructions(PcodeProgram program) {
        FlatMemory m = new FlatMemory(Mpb.STORE_SIZE, Mpb.PAGE_SHIFT);
        program.writeTo(m);
        Set<String> names = new TreeSet<>();
        for (long pc = 0; pc < program.codeEnd(); ) {
            P5Instruction insn = P5Isa.get().decode(m, pc).orElseThrow();
            names.add(insn.name());
            if (insn.procedure() != null) {
                names.add(insn.procedure().spec().name());
            }
            pc = insn.next();
        }
        return names;
    }
}
