package dev.mimic.x86.user;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.jit.Jit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's static i386 busybox runs its applets in Mimic with the same output and exit status as on
 * the host CPU (which runs i386 programs natively).
 */
class BusyboxTest {
    private static final Path DIR = Path.of("target", "busybox").toAbsolutePath();
    private static final Path BUSYBOX = DIR.resolve("bin/busybox");
    private static String unavailable = "";

    /** One applet invocation: arguments, standard input, and the engine Mimic runs it on. */
    record Run(String name, List<String> args, String stdin, EngineKind engine) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void fetch() throws IOException, InterruptedException {
        Path script = DIR.resolve("fetch-busybox.sh");
        Files.createDirectories(DIR);
        try (var in = BusyboxTest.class.getResourceAsStream("/x86/busybox/fetch-busybox.sh")) {
            Files.write(script, in.readAllBytes());
        }
        Process p = new ProcessBuilder("bash", script.toString(), DIR.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            unavailable = "busybox-static:i386 is not available: " + log;
        }
        Files.writeString(DIR.resolve("input.txt"), "pear 3.5\napple 2\nfig 10.25\nbanana 0.1\npear 1e3\n");
    }

    static Stream<Run> applets() {
        String input = DIR.resolve("input.txt").toString();
        return Stream.of(
                new Run("echo", List.of("echo", "hello", "world"), "", EngineKind.INTERP),
                new Run("sha256sum", List.of("sha256sum", input), "", EngineKind.TIERED),
                new Run("md5sum", List.of("md5sum", input), "", EngineKind.JIT),
                new Run("sort", List.of("sort", input), "", EngineKind.TIERED),
                new Run("sort-numeric-stdin", List.of("sort", "-k2", "-n"), "a 10\nb 9.5\nc -1\n", EngineKind.INTERP),
                new Run("od", List.of("od", "-A", "x", "-t", "x1z", input), "", EngineKind.TIERED),
                new Run("factor", List.of("factor", "1234567", "600851475143", "4294967291"), "", EngineKind.JIT),
                new Run("sed", List.of("sed", "-n", "s/a/A/g;2,4p;$=", input), "", EngineKind.TIERED),
                new Run("sh-loop", List.of("sh", "-c", "i=0; while [ $i -lt 5 ]; do echo line $((i*i)); i=$((i+1)); done"), "",
                        EngineKind.TIERED),
                new Run("awk-float", List.of("awk", "{ s += $2; p = p * 1.5 + $2 } END { printf \"%.6f %g %d %e\\n\", s, p, s, s / 7 }",
                        input), "", EngineKind.TIERED),
                // s stays in an x87 register across iterations, rounded to 64 bits: computing in doubles changes the 17th digit.
                new Run("awk-float-accumulation", List.of("awk",
                        "BEGIN { for (i = 1; i <= 20000; i++) s += (i * 1.5) / (i + 0.5) * 1.000001; printf \"%.17g\\n\", s }"),
                        "", EngineKind.TIERED),
                new Run("gzip", List.of("gzip", "-c", input), "", EngineKind.TIERED),
                new Run("bzip2", List.of("bzip2", "-c", input), "", EngineKind.JIT),
                new Run("xxd-stdin", List.of("xxd"), "stdin bytes\n", EngineKind.INTERP),
                new Run("false", List.of("false"), "", EngineKind.TIERED));
    }

    @ParameterizedTest
    @MethodSource("applets")
    void appletAgreesWithTheHost(Run run) throws Exception {
        assumeTrue(unavailable.isEmpty(), unavailable);
        List<String> command = new ArrayList<>();
        command.add(BUSYBOX.toString());
        command.addAll(run.args());
        ProcessBuilder host = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        host.environment().clear();
        host.environment().put("PATH", "/usr/bin:/bin");
        Process p = host.start();
        p.getOutputStream().write(run.stdin().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] expected = p.getInputStream().readAllBytes();
        int expectedStatus = p.waitFor();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = UserModeRunner.run(new UserModeRunner.Options(run.engine(), new Jit(), 20, Long.MAX_VALUE,
                BUSYBOX, run.args(), List.of("PATH=/usr/bin:/bin"), new ByteArrayInputStream(run.stdin().getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true), new PrintStream(err, true), false));
        assertEquals(new String(expected, StandardCharsets.ISO_8859_1), out.toString(StandardCharsets.ISO_8859_1),
                run.name() + " output; stderr: " + err);
        assertEquals(expectedStatus, status, run.name() + " exit status; stderr: " + err);
    }
}
