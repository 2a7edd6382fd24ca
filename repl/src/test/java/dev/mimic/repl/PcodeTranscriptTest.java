package dev.mimic.repl;

import dev.mimic.pcode.compiler.CompileResult;
import dev.mimic.pcode.compiler.PascalCompiler;
import dev.mimic.pcode.load.PcodeProgram;
import dev.mimic.pcode.machine.PMachine;
import dev.mimic.pcode.machine.PMachineOptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workbench on the real p-machine: Pascal programs under {@code transcripts/pcode/<program>/},
 * compiled and debugged by batch scripts, interpreted so that the engine statistics are stable.
 */
class PcodeTranscriptTest {
    @TestFactory
    Stream<DynamicTest> transcripts() throws Exception {
        return Transcripts.scripts("pcode").stream().map(script -> DynamicTest.dynamicTest(script.name(), () -> {
            Path source = script.directory().resolve("program.pas");
            CompileResult compiled = new PascalCompiler().compile("program.pas", Files.readString(source));
            assertTrue(compiled.ok(), compiled.errors().toString());
            PcodeProgram program = PcodeProgram.parse("program.p5", compiled.pcode());
            Transcripts.check(script, guest -> new PMachine(program,
                    PMachineOptions.defaults().withConsole(InputStream.nullInputStream(), guest, guest)));
        }));
    }
}
