package dev.mimic.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of the launcher's ahead-of-time cache (JDK 25, JEP 483/514): the cache holds the
 * classes a training run loaded and linked, so a machine the training did not run starts cold. This runs
 * every machine's short demo in one JVM, through the same command line a user types: Open Firmware to its
 * ok prompt, a Forth one-liner, a Pascal hello world (compiler and p-machine), a CIL hello world and an
 * x86 user-mode hello world. The programs are resources of this package, with the sources they were
 * built from. A demo that cannot run here (no mono for CIL) is left out of the cache and nothing else.
 *
 * <p>Output is discarded; the exit status is 0 even when a demo failed, since a cache without one
 * machine still speeds up the others.
 */
public final class StartupTraining {

    private static final String RESOURCES = "training/";
    private static final List<String> PROGRAMS = List.of("hello.pas", "hello.exe", "hello-x86");

    private StartupTraining() {}

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("mimic-training");
        try {
            PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
            for (List<String> demo : demos(dir)) {
                Stdio io = new Stdio(new ByteArrayInputStream(new byte[0]), discard, discard);
                try {
                    Main.run(io, demo.toArray(String[]::new));
                } catch (RuntimeException e) {
                    System.err.println("mimic: training run of '" + String.join(" ", demo) + "' failed: " + e);
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(StartupTraining::delete);
            }
        }
    }

    /** The demos' command lines, their programs copied into {@code dir}. */
    static List<List<String>> demos(Path dir) throws IOException {
        for (String program : PROGRAMS) {
            copy(program, dir.resolve(program));
        }
        return List.of(
                List.of("ofw"),
                List.of("forth", "-e", "1 2 + . bye"),
                List.of("pascal", dir.resolve("hello.pas").toString()),
                List.of("cil", dir.resolve("hello.exe").toString()),
                List.of("x86-user", dir.resolve("hello-x86").toString()),
                List.of("--help"));
    }

    private static void copy(String program, Path target) throws IOException {
        try (InputStream in = StartupTraining.class.getResourceAsStream(RESOURCES + program)) {
            if (in == null) {
                throw new IOException("training program " + RESOURCES + program + " missing from the jar");
            }
            Files.copy(in, target);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
