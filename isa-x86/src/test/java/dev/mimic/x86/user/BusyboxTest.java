package dev.mimic.x86.user;

import dev.mimic.backend.exec.EngineKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
        Files.writeString(DIR.resolve("other.txt"), "pear 3.5\napple 2\nfig 10.50\nbanana 0.1\npear 1e3\n");
        Path tree = DIR.resolve("tree");
        Files.createDirectories(tree.resolve("b/c"));
        Files.writeString(tree.resolve("a.txt"), "first file\n");
        Files.writeString(tree.resolve("b/c/deep.txt"), "x".repeat(3000));
        for (Path f : List.of(tree.resolve("a.txt"), tree.resolve("b/c/deep.txt"), tree.resolve("b/c"), tree.resolve("b"), tree)) {
            Files.setLastModifiedTime(f, FileTime.fromMillis(1_700_000_000_000L));
        }
        if (unavailable.isEmpty()) {
            String input = DIR.resolve("input.txt").toString();
            prepareNatively("input.txt.gz", "gzip", "-c", input);
            prepareNatively("input.txt.bz2", "bzip2", "-c", input);
            prepareNatively("tree.tar", "tar", "-cf", "-", "-C", DIR.toString(), "tree");
        }
    }

    /** An archive the unpacking cases read, made by busybox {@code args} on the host. */
    private static void prepareNatively(String into, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(BUSYBOX.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(DIR.resolve(into).toFile()).start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", args) + " failed natively");
        }
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
                new Run("false", List.of("false"), "", EngineKind.TIERED),
                new Run("awk-printf", List.of("awk", "BEGIN { for (i = 1; i <= 12; i++) printf \"%.6f %e %g %5.2f\\n\", i / 7, i * 1e10 / 3, 1 / i, -i * 0.125 }"),
                        "", EngineKind.JIT),
                // Debian builds busybox awk without its math library: both runs fail the same way.
                new Run("awk-sin-unavailable", List.of("awk", "BEGIN { printf \"%.6f\\n\", sin(1) + exp(1) + log(2) }"), "",
                        EngineKind.INTERP),
                new Run("bc-math", List.of("bc", "-l"), "s(1)\ne(2)\nl(10)\nscale=30; 4*a(1)\nsqrt(2)\n", EngineKind.TIERED),
                new Run("dc", List.of("dc", "-e", "2 64 ^ p 7 3 / p 10 k 1 3 / p 16 o 255 p"), "", EngineKind.INTERP),
                new Run("sh-trap-usr1", List.of("sh", "-c", "trap 'echo got USR1' USR1; kill -s USR1 $$; echo after; "
                        + "trap 'echo bye' EXIT; exit 3"), "", EngineKind.TIERED),
                new Run("sh-kill-term", List.of("sh", "-c", "echo before; kill -s TERM $$; echo not reached"), "", EngineKind.INTERP),
                new Run("sh-trap-ignore", List.of("sh", "-c", "trap '' USR2; kill -USR2 $$; echo survived"), "", EngineKind.INTERP),
                new Run("sleep", List.of("sleep", "0.05"), "", EngineKind.INTERP),
                new Run("sleep-bad", List.of("sleep", "x"), "", EngineKind.INTERP),
                new Run("expr", List.of("expr", "12345", "*", "6789", "+", "17", "%", "5"), "", EngineKind.INTERP),
                new Run("expr-length", List.of("expr", "length", "hello world"), "", EngineKind.INTERP),
                new Run("seq", List.of("seq", "1", "3", "30"), "", EngineKind.INTERP),
                new Run("seq-width", List.of("seq", "-w", "8", "12"), "", EngineKind.INTERP),
                new Run("sort-numeric-reverse", List.of("sort", "-n", "-r", "-k2", input), "", EngineKind.TIERED),
                new Run("uniq-count", List.of("uniq", "-c"), "a\na\nb\nc\nc\nc\na\n", EngineKind.INTERP),
                new Run("tr", List.of("tr", "a-z", "A-Z"), "Hello, World\n", EngineKind.INTERP),
                new Run("tr-delete", List.of("tr", "-d", "aeiou"), "education is a voyage\n", EngineKind.INTERP),
                new Run("cut", List.of("cut", "-d", " ", "-f", "2", input), "", EngineKind.INTERP),
                new Run("wc", List.of("wc", input), "", EngineKind.INTERP),
                new Run("head", List.of("head", "-n", "2", input), "", EngineKind.INTERP),
                new Run("tail", List.of("tail", "-n", "2", input), "", EngineKind.INTERP),
                new Run("tail-bytes", List.of("tail", "-c", "10", input), "", EngineKind.INTERP),
                new Run("xxd-file", List.of("xxd", "-g", "4", input), "", EngineKind.TIERED),
                new Run("cmp-differ", List.of("cmp", input, DIR.resolve("other.txt").toString()), "", EngineKind.INTERP),
                new Run("cmp-same", List.of("cmp", input, input), "", EngineKind.INTERP),
                new Run("find", List.of("find", DIR.resolve("tree").toString()), "", EngineKind.INTERP),
                new Run("find-type", List.of("find", DIR.resolve("tree").toString(), "-type", "f", "-size", "+1k"), "",
                        EngineKind.INTERP),
                new Run("tar-create", List.of("tar", "-cf", "-", "-C", DIR.toString(), "tree"), "", EngineKind.TIERED),
                new Run("tar-list", List.of("tar", "-tvf", DIR.resolve("tree.tar").toString()), "", EngineKind.INTERP),
                new Run("tar-extract-to-stdout", List.of("tar", "-xOf", DIR.resolve("tree.tar").toString(), "tree/a.txt"), "",
                        EngineKind.INTERP),
                new Run("gunzip", List.of("gunzip", "-c", DIR.resolve("input.txt.gz").toString()), "", EngineKind.TIERED),
                new Run("bunzip2", List.of("bunzip2", "-c", DIR.resolve("input.txt.bz2").toString()), "", EngineKind.JIT));
    }

    @ParameterizedTest
    @MethodSource("applets")
    void appletAgreesWithTheHost(Run run) throws Exception {
        assumeTrue(unavailable.isEmpty(), unavailable);
        HostComparison.assertAgrees(run.name(), BUSYBOX, run.args(), run.stdin(), run.engine());
    }
}
