package dev.mimic.forth;

import dev.mimic.backend.exec.EngineKind;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Golden programs ({@code src/test/resources/forth/programs/NAME.fs} beside the output gforth
 * 0.7.3 printed for it, {@code NAME.out}): each prints exactly that under every engine, and, where
 * gforth is installed, gforth still prints it (so the recorded outputs cannot go stale).
 */
@Timeout(60)
class GforthDifferentialTest {
    static Path programs() throws URISyntaxException {
        return Path.of(GforthDifferentialTest.class.getResource("/forth/programs").toURI());
    }

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(programs())) {
            List<Path> sources = files.filter(p -> p.toString().endsWith(".fs")).sorted().toList();
            return sources.stream().flatMap(p -> Stream.of(EngineKind.INTERP, EngineKind.JIT, EngineKind.TIERED)
                    .map(e -> Arguments.of(p.getFileName().toString(), e)));
        }
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("cases")
    void program_printsWhatGforthPrints(String name, EngineKind engine) throws Exception {
        Path source = programs().resolve(name);
        String expected = Files.readString(source.resolveSibling(name.replace(".fs", ".out")));
        Session s = new Session(engine);
        Outcome outcome = s.machine.include(source);
        assertEquals(Outcome.completed(), outcome, s.errors());
        assertEquals(expected, s.output());
    }

    static Stream<String> sources() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(programs())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".fs")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void recordedOutput_isStillGforths(String name) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gforth")), "gforth is not installed");
        Path source = programs().resolve(name);
        Process gforth = new ProcessBuilder("/usr/bin/gforth", name, "-e", "bye").directory(source.getParent().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(gforth.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!gforth.waitFor(20, TimeUnit.SECONDS)) {
            gforth.destroyForcibly();
        }
        assertEquals(Files.readString(source.resolveSibling(name.replace(".fs", ".out"))), out);
    }
}
