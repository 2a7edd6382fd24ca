package dev.mimic.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Debian's nasm making the PC tests' flat binaries (boot sectors, a stand-in firmware) from their sources. */
final class Nasm {
    private static final Path NASM = Path.of("/usr/bin/nasm");

    private Nasm() {
    }

    /** Skips the test unless nasm is installed. */
    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(NASM), "install nasm");
    }

    /** Assembles {@code source} into {@code dir/<name>.bin}, run in {@code dir} so its includes are found there. */
    static Path assemble(Path source, Path dir) throws Exception {
        String name = source.getFileName().toString().replaceFirst("\\.asm$", "");
        Path binary = dir.resolve(name + ".bin");
        Process nasm = new ProcessBuilder(NASM.toString(), "-f", "bin", "-o", binary.toString(), source.toAbsolutePath().toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String messages = new String(nasm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, nasm.waitFor(), messages);
        return binary;
    }
}
