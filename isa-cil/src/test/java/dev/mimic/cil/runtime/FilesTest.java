package dev.mimic.cil.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mimic.backend.jit.Jit;
import dev.mimic.cil.assembly.CSharp;
import dev.mimic.cil.files.GuestFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Programs that use files ({@code src/test/resources/cil/files}): each runs in an empty folder,
 * first under mono, then under Mimic on both engines in the same folder emptied again; standard
 * output, standard error, exit status and every file left behind must be identical. The sandbox
 * program runs under Mimic only, confined to its folder, against its expected output.
 */
class FilesTest {
    private static final Path SOURCES = Path.of("src/test/resources/cil/files");
    private static final Path MONO = Path.of("/usr/bin/mono");

    record Run(String out, String err, int status, Map<String, String> files) {
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ReadWrite", "FileIo", "Listing"})
    void program_leavesWhatMonoLeaves(String name) throws Exception {
        Path exe = compile(name);
        assumeTrue(Files.isExecutable(MONO), "mono is not installed (mono-runtime)");
        Path folder = Path.of("target", "files", name).toAbsolutePath();
        Run expected = mono(exe, empty(folder));
        for (String engine : List.of("interp", "jit")) {
            Run actual = mimic(exe, engine, empty(folder), null);
            assertEquals(expected, actual, name + " on " + engine);
        }
    }

    @Test
    void sandboxedProgram_cannotReachOutsideItsFolder() throws Exception {
        Path exe = compile("Sandbox");
        Path root = empty(Path.of("target", "files", "sandbox").toAbsolutePath());
        Files.writeString(root.resolve("outside.txt"), "secret");
        for (String engine : List.of("interp", "jit")) {
            Path box = empty(root.resolve("box"));
            Files.createSymbolicLink(box.resolve("link"), root);
            Run run = mimic(exe, engine, box, box);
            assertEquals(Files.readString(SOURCES.resolve("Sandbox.out")), run.out(), run.err());
            assertEquals(0, run.status());
            try (Stream<Path> s = Files.list(root)) {
                assertArrayEquals(new String[] {"box", "outside.txt"},
                        s.map(p -> p.getFileName().toString()).sorted().toArray(), "nothing written outside the sandbox");
            }
            assertEquals("secret", Files.readString(root.resolve("outside.txt")));
        }
    }

    private static Path compile(String name) throws IOException, InterruptedException {
        return CSharp.compile(Path.of("target", "cs", "files"), name + ".exe", Files.readString(SOURCES.resolve(name + ".cs")))
                .toAbsolutePath();
    }

    /** {@code folder}, created empty. */
    private static Path empty(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> s = Files.walk(folder)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(folder);
    }

    /** Every file under {@code folder} by relative path, with its contents. */
    private static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.toList()) {
                String key = folder.relativize(p).toString();
                out.put(key, Files.isDirectory(p) ? "(folder)" : Files.readString(p, StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    private static Run mono(Path exe, Path folder) throws IOException, InterruptedException {
        Path err = Files.createTempFile("mono", ".err");
        Process p = new ProcessBuilder(new ArrayList<>(List.of(MONO.toString(), exe.toString()))).directory(folder.toFile())
                .redirectError(err.toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        String errText = Files.readString(err);
        Files.delete(err);
        return new Run(out, errText, status, files(folder));
    }

    private static Run mimic(Path exe, String engine, Path folder, Path sandbox) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = new PrintStream(out, false, StandardCharsets.UTF_8);
        CilRuntime.Engine e = engine.equals("jit") ? CilRuntime.Engine.compiled(new Jit()::compile)
                : CilRuntime.Engine.INTERPRETER;
        int status = CilProgram.load(exe, e, InputStream.nullInputStream(), stdout, new GuestFiles(folder, sandbox))
                .run(List.of(), new PrintStream(err, true, StandardCharsets.UTF_8));
        stdout.flush();
        return new Run(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status & 0xFF, files(folder));
    }
}
