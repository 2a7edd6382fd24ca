package dev.mimic.cil.assembly;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs Mono's {@code monodis} (Debian package mono-utils) as an oracle; tests skip when it is absent. */
public final class Monodis {
    private static final Path MONODIS = Path.of("/usr/bin/monodis");

    private Monodis() {
    }

    /** The output lines of {@code monodis options... file}; no options disassembles the whole file. */
    public static List<String> run(Path file, String... options) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(MONODIS), "monodis is not installed (Debian package mono-utils)");
        List<String> command = new java.util.ArrayList<>(List.of(MONODIS.toString()));
        command.addAll(List.of(options));
        command.add(file.toString());
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(command + " exited " + p.exitValue());
        }
        return out.lines().toList();
    }
}
