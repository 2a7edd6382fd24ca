package dev.mimic.cil.assembly;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles C# test programs with Mono's {@code mcs} (Debian package mono-mcs), the golden programs
 * of {@code src/test/resources/cil/} into {@code target/cs/}; tests that need it skip when it is
 * absent. A program is recompiled only when its source text changed.
 */
public final class CSharp {
    private static final Path MCS = Path.of("/usr/bin/mcs");
    private static final Path OUT = Path.of("target", "cs");

    private CSharp() {
    }

    public static boolean available() {
        return Files.isExecutable(MCS);
    }

    /** Compiles the test program {@code src/test/resources/cil/<name>.cs} to {@code target/cs/<name>.exe}. */
    public static Path program(String name) throws IOException, InterruptedException {
        return compile(OUT, name + ".exe", Files.readString(Path.of("src/test/resources/cil", name + ".cs")));
    }

    /**
     * Compiles {@code source} to {@code folder/file}; a {@code .dll} file is compiled as a library,
     * and {@code references} are other assemblies it uses.
     */
    public static Path compile(Path folder, String file, String source, Path... references)
            throws IOException, InterruptedException {
        assumeTrue(available(), "mcs is not installed (Debian package mono-mcs)");
        Files.createDirectories(folder);
        Path cs = folder.resolve(file.replaceFirst("\\.(exe|dll)$", ".cs"));
        Path exe = folder.resolve(file);
        if (Files.exists(exe) && Files.exists(cs) && Files.readString(cs).equals(source)) {
            return exe;
        }
        Files.writeString(cs, source);
        List<String> command = new ArrayList<>(List.of(MCS.toString(), "-debug-", "-optimize+", "-unsafe", "-out:" + exe));
        if (file.endsWith(".dll")) {
            command.add("-target:library");
        }
        for (Path r : references) {
            command.add("-r:" + r);
        }
        command.add(cs.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("mcs failed on " + cs + ":\n" + log);
        }
        return exe;
    }
}
