package dev.mimic.cli;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code gdb --batch} process connected to a stub on the loopback interface, and the file its
 * output goes to (a file, so a hung gdb cannot block the test).
 */
record GdbBatch(Process process, Path output) {
    /** Skips the test unless Debian's gdb runs. */
    static void assumeInstalled() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("gdb", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            Assumptions.assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "gdb does not run");
        } catch (IOException noGdb) {
            Assumptions.abort("gdb is not installed (Debian: apt-get install gdb)");
        }
    }

    /**
     * Starts Debian's gdb on {@code files} (a program, or none), has it connect to 127.0.0.1:{@code port}
     * after the {@code setup} commands and then run {@code commands}; its output goes to a file in {@code dir}.
     */
    static GdbBatch start(Path dir, int port, List<String> setup, List<String> commands, String... files) throws IOException {
        List<String> command = new ArrayList<>(List.of("gdb", "--batch", "-nx", "-iex", "set debuginfod enabled off"));
        List<String> all = new ArrayList<>(setup);
        all.add("set remotetimeout 30");
        all.add("target remote 127.0.0.1:" + port);
        all.addAll(commands);
        for (String c : all) {
            command.add("-ex");
            command.add(c);
        }
        command.addAll(List.of(files));
        Path output = Files.createTempFile(dir, "gdb", ".out");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().put("DEBUGINFOD_URLS", "");
        return new GdbBatch(pb.start(), output);
    }

    /** What gdb printed, once it has finished. */
    String finish() throws Exception {
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String out = Files.readString(output);
        if (!finished) {
            throw new AssertionError("gdb did not finish:\n" + out);
        }
        return out;
    }
}
