package dev.mimic.cil.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mimic.backend.jit.Jit;
import dev.mimic.cil.assembly.CSharp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus: C# programs written for Mimic ({@code src/test/resources/cil/corpus/*.cs}, run with
 * two arguments, and the benchmark programs of {@code bench/cil}, run without, at their small
 * default sizes), compiled by mcs, each run by mono and by Mimic on the interpreter and on the JIT;
 * standard output, standard error and exit status must be identical. Instructions no C# compiler emits ({@code calli},
 * {@code jmp}) are in programs that generators ({@code src/test/resources/cil/emitted/*.cs}) write
 * with mono's Reflection.Emit.
 */
class CorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/cil/corpus");
    private static final Path BENCHMARKS = Path.of("../bench/cil");
    private static final Path EMITTED = Path.of("src/test/resources/cil/emitted");
    private static final Path MONO = Path.of("/usr/bin/mono");
    private static final List<String> ARGS = List.of("alpha", "beta");

    record Run(String out, String err, int status) {
    }

    static Stream<Arguments> programs() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Path folder : List.of(CORPUS, BENCHMARKS, EMITTED)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".cs")).sorted().toList()) {
                    out.add(Arguments.of(p, "interp"));
                    out.add(Arguments.of(p, "jit"));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("programs")
    void program_printsWhatMonoPrints(Path source, String engine) throws Exception {
        String name = source.getFileName().toString().replace(".cs", "");
        Path exe = CSharp.compile(Path.of("target", "cs", "corpus"), name + ".exe", Files.readString(source));
        assumeTrue(Files.isExecutable(MONO), "mono is not installed (mono-runtime)");
        if (source.startsWith(EMITTED)) {
            exe = emit(exe, name);
        }
        List<String> args = source.startsWith(CORPUS) ? ARGS : List.of();
        Run expected = mono(exe, args);
        Run actual = mimic(exe, engine, args);
        assertEquals(expected.out(), actual.out(), name + ": standard output");
        assertEquals(expected.err(), actual.err(), name + ": standard error (an unhandled exception's report)");
        assertEquals(expected.status(), actual.status(), name + ": exit status");
    }

    /** Runs a generator, which writes program {@code name}.exe into the folder it is given. */
    private static Path emit(Path generator, String name) throws IOException, InterruptedException {
        Path folder = Files.createDirectories(Path.of("target", "cs", "emitted")).toAbsolutePath();
        Run run = mono(generator, List.of(folder.toString()));
        assertEquals(0, run.status(), name + ": the generator failed: " + run.out());
        return folder.resolve(name + ".exe");
    }

    private static Run mono(Path exe, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(MONO.toString(), exe.toString()));
        command.addAll(args);
        Path err = Files.createTempFile("mono", ".err");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        String errText = Files.readString(err);
        Files.delete(err);
        return new Run(out, errText, status);
    }

    private static Run mimic(Path exe, String engine, List<String> args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = new PrintStream(out, false, StandardCharsets.UTF_8);
        CilRuntime.Engine e = engine.equals("jit") ? CilRuntime.Engine.compiled(new Jit()::compile)
                : CilRuntime.Engine.INTERPRETER;
        int status = CilProgram.load(exe, e, InputStream.nullInputStream(), stdout).run(args, new PrintStream(err, true, StandardCharsets.UTF_8));
        stdout.flush();
        return new Run(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status & 0xFF);
    }
}
