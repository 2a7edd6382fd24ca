package dev.mimic.forth.fcode;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's fcode-utils ({@code toke}, {@code detok}) as test oracles. {@code scripts/test} installs
 * them; where they are missing the tests that need them are skipped with a message saying so.
 */
final class FcodeUtils {

    static final Path EXAMPLES = Path.of("/usr/share/doc/fcode-utils/examples");
    static final Path QEMU_ROMS = Path.of("/usr/share/qemu");

    private FcodeUtils() {}

    /** Skips the calling test unless {@code tool} is installed. */
    static void assumeInstalled(String tool) {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin", tool)),
                "/usr/bin/" + tool + " is missing: install Debian's fcode-utils (scripts/test does)");
    }

    /** Tokenizes {@code source} with toke into {@code dir} and returns the FCode file. */
    static Path toke(Path source, Path dir) throws IOException, InterruptedException {
        assumeInstalled("toke");
        Path out = dir.resolve(source.getFileName().toString().replaceFirst("\\.fs$", ".fc"));
        run(dir, "toke", "-o", out.toString(), source.toString());
        return out;
    }

    /** {@code detok -o FILE}: the listing with byte offsets. */
    static String detok(Path file) throws IOException, InterruptedException {
        assumeInstalled("detok");
        return run(file.toAbsolutePath().getParent(), "detok", "-o", file.toString());
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("fcode-utils", ".out");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": no answer within 60 s");
            }
            String output = Files.readString(log, StandardCharsets.ISO_8859_1);
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ":\n" + output);
            }
            return output;
        } finally {
            Files.delete(log);
        }
    }

    /** Skips the calling test unless {@code file} (an fcode-utils example or a QEMU ROM) is installed. */
    static void assumePresent(Path file) {
        assumeTrue(Files.isReadable(file), file + " is missing: install Debian's "
                + (file.startsWith(QEMU_ROMS) ? "qemu-system-data" : "fcode-utils") + " (scripts/test does)");
    }
}
