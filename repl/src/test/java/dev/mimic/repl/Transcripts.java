package dev.mimic.repl;

import dev.mimic.backend.machine.Machine;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs batch scripts and compares what they print with expected transcripts:
 * {@code transcripts/<machine>/<program>/<name>.script} beside {@code <name>.transcript}. The
 * guest's output goes into the same stream as the workbench's, so a transcript shows it where it
 * happened. In scripts and transcripts, {@code $DIR} stands for the script's directory and
 * {@code $TMP} for a fresh temporary directory. A mismatch leaves the actual output in
 * {@code target/transcripts/} for review.
 */
final class Transcripts {
    private Transcripts() {
    }

    /** One script, ready to run on a machine built by the caller from the program directory. */
    record Script(Path file) {
        Path directory() {
            return file.getParent();
        }

        String name() {
            return directory().getFileName() + "/" + file.getFileName().toString().replace(".script", "");
        }

        Path expected() {
            return file.resolveSibling(file.getFileName().toString().replace(".script", ".transcript"));
        }
    }

    /** Every script under {@code transcripts/<machine>}. */
    static List<Script> scripts(String machine) throws IOException, URISyntaxException {
        Path root = Path.of(Transcripts.class.getResource("/transcripts/" + machine).toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".script")).sorted().map(Script::new).toList();
        }
    }

    /**
     * Runs {@code script} on the machine {@code open} makes (given the guest's stdout) and checks the
     * transcript.
     */
    static void check(Script script, Function<PrintStream, Machine> open) throws IOException {
        Path tmp = Files.createTempDirectory("mimic-transcript");
        String text = Files.readString(script.file())
                .replace("$DIR", script.directory().toString()).replace("$TMP", tmp.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream guest = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
        Workbench workbench = new Workbench(open.apply(guest), out, Long.MAX_VALUE);
        BatchSession.run(workbench, new BufferedReader(new StringReader(text)));
        workbench.close();
        out.flush();
        String actual = bytes.toString(StandardCharsets.UTF_8)
                .replace(tmp.toString(), "$TMP").replace(script.directory().toString(), "$DIR");
        String expected = Files.exists(script.expected()) ? Files.readString(script.expected()) : "";
        if (!expected.equals(actual)) {
            Path review = Path.of("target", "transcripts", script.name() + ".transcript");
            Files.createDirectories(review.getParent());
            Files.writeString(review, actual);
            assertEquals(expected, actual, script.name() + ": transcript differs; actual output in " + review.toAbsolutePath());
        }
    }
}
