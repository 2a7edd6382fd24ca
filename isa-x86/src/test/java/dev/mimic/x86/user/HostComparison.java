package dev.mimic.x86.user;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.jit.Jit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs one i386 program with the same arguments, standard input and environment on the host CPU
 * (which runs i386 programs natively) and in Mimic, and asserts that standard output and the exit
 * status agree (the status of a process a signal ended is 128 plus the signal in both).
 */
final class HostComparison {
    private static final List<String> ENVIRONMENT = List.of("PATH=/usr/bin:/bin");
    /** Far above any program's run time even on a loaded machine; a hang fails with its stack instead of stalling the build. */
    private static final Duration MIMIC_TIME_LIMIT = Duration.ofMinutes(3);

    private HostComparison() {
    }

    static void assertAgrees(String name, Path program, List<String> args, String stdin, EngineKind engine)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(args);
        ProcessBuilder host = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        host.environment().clear();
        host.environment().put("PATH", "/usr/bin:/bin");
        Process p = host.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] expected = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), name + " did not end natively");
        int expectedStatus = p.exitValue();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        FutureTask<Integer> run = new FutureTask<>(() -> UserModeRunner.run(new UserModeRunner.Options(engine, new Jit(), 20,
                Long.MAX_VALUE, program, args, ENVIRONMENT, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true), new PrintStream(err, true), false)));
        Thread runner = new Thread(run, "mimic-" + name);
        runner.start();
        int status;
        try {
            status = run.get(MIMIC_TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            StackTraceElement[] where = runner.getStackTrace();
            runner.interrupt();
            throw new AssertionError(name + " did not end in Mimic within " + MIMIC_TIME_LIMIT + "; output so far:\n" + out
                    + "\nits thread was at:\n" + Arrays.stream(where).map(f -> "  " + f).collect(Collectors.joining("\n")));
        } catch (ExecutionException e) {
            throw new AssertionError(name + " failed in Mimic", e.getCause());
        }
        assertEquals(new String(expected, StandardCharsets.ISO_8859_1), out.toString(StandardCharsets.ISO_8859_1),
                name + " output; stderr: " + err);
        assertEquals(expectedStatus, status, name + " exit status; stderr: " + err);
    }
}
