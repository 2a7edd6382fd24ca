package dev.mimic.repl;

import dev.mimic.backend.exec.EngineKind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.util.stream.Stream;

/** The workbench commands on the toy machine, as batch scripts against expected transcripts. */
class ToyTranscriptTest {
    @TestFactory
    Stream<DynamicTest> transcripts() throws Exception {
        return Transcripts.scripts("toy").stream().map(script -> DynamicTest.dynamicTest(script.name(), () -> {
            ToyAssembler.Program program = ToyAssembler.assemble(Files.readString(script.directory().resolve("program.s")));
            Transcripts.check(script, guest -> new ToyMachine(program, EngineKind.INTERP, guest));
        }));
    }
}
