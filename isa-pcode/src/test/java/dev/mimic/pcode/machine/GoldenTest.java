package dev.mimic.pcode.machine;

import dev.mimic.pcode.Runs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden programs: each {@code golden/NAME.p5} runs on every engine with {@code NAME.in} as its
 * input (if there is one) and must print exactly {@code NAME.out} and end normally.
 */
class GoldenTest {
    static Stream<Arguments> programs() throws IOException, URISyntaxException {
        Path dir = Path.of(GoldenTest.class.getResource("/pcode/golden").toURI());
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".p5")).sorted().toList();
        }
        return names.stream().flatMap(n -> Runs.engines().stream().map(e -> Arguments.of(n, e)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("programs")
    void programPrintsItsGoldenOutput(String name, Runs.Engine engine) {
        String base = name.substring(0, name.length() - 3);
        String input = Runs.text("golden/" + base + ".in");
        Runs.Result r = Runs.run(Runs.resource("golden/" + name), engine, input == null ? "" : input);
        assertEquals("", r.stderr(), "stderr");
        assertEquals(Runs.text("golden/" + base + ".out"), r.stdout());
        assertEquals(0, r.exit(), "exit status");
    }
}
