package dev.mimic.forth.firmware;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.forth.ForthMachine;
import dev.mimic.forth.ForthOptions;
import dev.mimic.forth.LineSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden transcripts of ok-prompt sessions: each {@code sessions/NAME.in} is typed at the prompt of
 * the built-in firmware as piped stdin would be (each line echoed), and the console, errors
 * included, must read as {@code NAME.out}.
 */
class OfwSessionTest {
    static final Path SESSIONS = Path.of("src/test/resources/ofw/sessions");

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"tree, TIERED", "tree, INTERP", "properties, TIERED", "properties, JIT", "nvram, TIERED",
            "packages, TIERED", "packages, JIT", "client, TIERED", "client, INTERP", "boot, TIERED", "words, TIERED", "words, JIT",
            "openbios, TIERED", "openbios, INTERP", "alarms, TIERED", "alarms, JIT", "interpose, TIERED",
            "interpose, INTERP", "partitions, TIERED", "partitions, JIT", "console, TIERED", "input, TIERED", "input, INTERP", "fb1, TIERED", "fb1, INTERP"})
    void sessionReadsAsItsTranscript(String session, EngineKind engine) throws Exception {
        assertEquals(Files.readString(SESSIONS.resolve(session + ".out")), transcript(SESSIONS.resolve(session + ".in"), engine));
    }

    static String transcript(Path input, EngineKind engine) throws Exception {
        return transcript(input, engine, FirmwareImage.builtIn());
    }

    static String transcript(Path input, EngineKind engine, FirmwareImage image) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        try (InputStream in = Files.newInputStream(input)) {
            ForthMachine m = ForthMachine.create(ForthOptions.defaults().withEngine(engine).withOutput(out, out)
                    .withLines(LineSource.of(in, out)), image);
            assertEquals(0, m.run(), "exit status");
        }
        return console.toString(StandardCharsets.UTF_8);
    }
}
