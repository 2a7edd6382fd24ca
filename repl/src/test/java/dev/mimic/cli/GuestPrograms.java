package dev.mimic.cli;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the static i386 test programs with the host's {@code gcc -m32}; tests that need one are
 * skipped where no 32-bit gcc is installed (Debian: gcc-multilib).
 */
final class GuestPrograms {
    private GuestPrograms() {
    }

    /** Compiles {@code source} as {@code dir/name.c} into {@code dir/name} with {@code gcc -m32 -static} and {@code flags}. */
    static Path compile(Path dir, String name, String source, String... flags) throws IOException, InterruptedException {
        Path c = dir.resolve(name + ".c");
        Files.writeString(c, source);
        Path program = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("gcc", "-m32", "-static"));
        command.addAll(List.of(flags));
        command.addAll(List.of("-o", program.toString(), c.toString()));
        Process gcc;
        try {
            gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException noGcc) {
            Assumptions.abort("gcc is not installed: " + noGcc.getMessage());
            throw noGcc;
        }
        String log = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = gcc.waitFor(120, TimeUnit.SECONDS);
        Assumptions.assumeTrue(done && gcc.exitValue() == 0, "gcc -m32 -static is not available (install gcc-multilib): " + log);
        return program;
    }
}
