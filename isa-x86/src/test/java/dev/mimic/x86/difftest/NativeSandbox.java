package dev.mimic.x86.difftest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * The host CPU's side of the differential tests: {@code sandbox.c} built with {@code gcc -m32} into
 * {@code target/} and kept running, one case per line. {@link #start()} returns null with the reason
 * in {@link #unavailable} when no 32-bit gcc is installed (Debian: gcc-multilib), so the tests can
 * skip with that message.
 */
final class NativeSandbox implements AutoCloseable {
    /** Why the sandbox could not be built, once {@link #start()} returned null. */
    static String unavailable = "";

    private final Process process;
    private final Writer in;
    private final BufferedReader out;

    private NativeSandbox(Process process) {
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
    }

    static NativeSandbox start() {
        try {
            Path dir = Path.of("target", "native");
            Files.createDirectories(dir);
            Path source = dir.resolve("sandbox.c");
            try (InputStream s = NativeSandbox.class.getResourceAsStream("/x86/native/sandbox.c")) {
                Files.write(source, s.readAllBytes());
            }
            Path binary = dir.resolve("sandbox");
            Process gcc = new ProcessBuilder("gcc", "-m32", "-O1", "-static", "-o", binary.toString(), source.toString())
                    .redirectErrorStream(true).start();
            String log = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
                unavailable = "gcc -m32 cannot build the native sandbox (install gcc-multilib): " + log.lines().findFirst().orElse("");
                return null;
            }
            return new NativeSandbox(new ProcessBuilder(binary.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        } catch (IOException e) {
            unavailable = "gcc -m32 is not available (install gcc-multilib): " + e.getMessage();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable = "interrupted while building the native sandbox";
            return null;
        }
    }

    /** Runs {@code code} natively from {@code registers} (EFLAGS first) and {@code scratch}. */
    Outcome run(int[] registers, byte[] scratch, byte[] code) {
        StringBuilder line = new StringBuilder();
        for (int r : registers) {
            line.append(Integer.toHexString(r)).append(' ');
        }
        line.append(HexFormat.of().formatHex(scratch)).append(' ').append(HexFormat.of().formatHex(code)).append('\n');
        try {
            in.write(line.toString());
            in.flush();
            String answer = out.readLine();
            if (answer == null) {
                throw new IllegalStateException("the native sandbox died (exit " + process.waitFor() + ")");
            }
            return Outcome.parse(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
