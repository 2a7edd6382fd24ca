package dev.mimic.cil.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mimic.backend.jit.Jit;
import dev.mimic.cil.assembly.CSharp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
 * The corpus: C# programs written for Mimic ({@code src/test/resources/cil/corpus/*.cs}), compiled by
 * mcs, each run by mono and by Mimic on the interpreter and on the JIT; standard output and exit
 * status must be identical.
 */
class CorpusTest {
    private static final Path SOURCES = Path.of("src/test/resources/cil/corpus");
    private static final Path MONO = Path.of("/usr/bin/mono");
    private static final List<String> ARGS = List.of("alpha", "beta");

    record Run(String out, int status) {
    }

    static Stream<Arguments> programs() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".cs")).sorted().toList()) {
                String name = p.getFileName().toString().replace(".cs", "");
                out.add(Arguments.of(name, "interp"));
                out.add(Arguments.of(name, "jit"));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("programs")
    void program_printsWhatMonoPrints(String name, String engine) throws Exception {
        Path exe = CSharp.compile(Path.of("target", "cs", "corpus"), name + ".exe",
                Files.readString(SOURCES.resolve(name + ".cs")));
        assumeTrue(Files.isExecutable(MONO), "mono is not installed (mono-runtime)");
        Run expected = mono(exe);
        Run actual = mimic(exe, engine);
        assertEquals(expected.out(), actual.out(), name + ": standard output");
        assertEquals(expected.status(), actual.status(), name + ": exit status");
    }

    private static Run mono(Path exe) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(MONO.toString(), exe.toString()));
        command.addAll(ARGS);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(out, p.waitFor());
    }

    private static Run mimic(Path exe, String engine) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = new PrintStream(out, false, StandardCharsets.UTF_8);
        CilRuntime.Engine e = engine.equals("jit") ? CilRuntime.Engine.compiled(new Jit()::compile)
                : CilRuntime.Engine.INTERPRETER;
        int status = CilProgram.load(exe, e, stdout).run(ARGS, new PrintStream(err, true, StandardCharsets.UTF_8));
        stdout.flush();
        return new Run(out.toString(StandardCharsets.UTF_8), status & 0xFF);
    }
}
