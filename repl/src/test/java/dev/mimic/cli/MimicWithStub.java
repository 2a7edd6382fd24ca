package dev.mimic.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code mimic x86-user -g 0 ...} or {@code mimic x86 -gdb tcp::0 ...} running in-process on a thread of its own, so a test can connect
 * a debugger to the port it announces and then collect its status and output.
 */
final class MimicWithStub implements AutoCloseable {
    private static final Pattern WAITING = Pattern.compile("waiting for gdb on 127\\.0\\.0\\.1:(\\d+)");
    private static final long SECONDS = 60;

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Future<Integer> status;

    private MimicWithStub(String... args) {
        Stdio io = new Stdio(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        status = thread.submit(() -> Main.run(io, args));
    }

    /** Starts {@code mimic x86-user -g 0 ARGS...}. */
    static MimicWithStub start(String... args) {
        return command(List.of("x86-user", "-g", "0"), args);
    }

    /** Starts the PC, {@code mimic x86 -gdb tcp::0 ARGS...}. */
    static MimicWithStub pc(String... args) {
        return command(List.of("x86", "-gdb", "tcp::0"), args);
    }

    private static MimicWithStub command(List<String> command, String... args) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(args));
        return new MimicWithStub(all.toArray(String[]::new));
    }

    /** The port the stub listens on, once it says so. */
    int port() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        while (System.nanoTime() < deadline) {
            Matcher m = WAITING.matcher(err.toString(StandardCharsets.UTF_8));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (status.isDone()) {
                throw new AssertionError("mimic ended before listening: " + finish());
            }
            Thread.sleep(10);
        }
        throw new AssertionError("mimic did not start listening: " + err.toString(StandardCharsets.UTF_8));
    }

    /** Waits until the guest has printed {@code text}. */
    void awaitOutput(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        while (!out.toString(StandardCharsets.UTF_8).contains(text)) {
            if (System.nanoTime() > deadline || status.isDone()) {
                throw new AssertionError("the guest did not print '" + text + "': " + out.toString(StandardCharsets.UTF_8));
            }
            Thread.sleep(10);
        }
    }

    /** Waits for the command to end. */
    Mimic finish() throws Exception {
        int s = status.get(SECONDS, TimeUnit.SECONDS);
        return new Mimic(s, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
