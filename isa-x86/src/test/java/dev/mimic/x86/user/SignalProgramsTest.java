package dev.mimic.x86.user;

import dev.mimic.backend.exec.EngineKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * C programs that use signals (src/test/resources/x86/signals), built with {@code gcc -m32 -static}
 * at test time, print and end the same in Mimic, on the interpreter and the JIT, as on the host CPU:
 * handlers with and without SA_SIGINFO, masks and pending signals, SA_RESETHAND and SA_NODEFER, the
 * alternate stack, faults with their siginfo and sigcontext (SIGBUS from a file mapping), alarm and
 * setitimer, pause and sigsuspend, SA_RESTART on a pipe read, the old i386 calls, handlers returning
 * through the kernel's trampoline, and default actions.
 */
class SignalProgramsTest {
    private static final Path DIR = Path.of("target", "signals").toAbsolutePath();
    private static final List<String> PROGRAMS = List.of("handlers", "faults", "altstack", "timers", "restart", "bus", "rawcalls");
    private static String unavailable = "";

    @BeforeAll
    static void build() throws IOException, InterruptedException {
        Files.createDirectories(DIR);
        for (String name : PROGRAMS) {
            Path source = DIR.resolve(name + ".c");
            try (InputStream in = SignalProgramsTest.class.getResourceAsStream("/x86/signals/" + name + ".c")) {
                Files.write(source, in.readAllBytes());
            }
            Process gcc;
            try {
                gcc = new ProcessBuilder("gcc", "-m32", "-O1", "-static", "-o", DIR.resolve(name).toString(), source.toString())
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                unavailable = "gcc is not available: " + e.getMessage();
                return;
            }
            String log = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!gcc.waitFor(120, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
                if (log.contains(name + ".c:")) {
                    throw new IllegalStateException("the test program " + name + ".c does not compile: " + log);
                }
                unavailable = "gcc -m32 -static cannot build " + name + " (install gcc-multilib): " + log;
                return;
            }
        }
    }

    static Stream<Arguments> programs() {
        return PROGRAMS.stream().flatMap(p -> Stream.of(Arguments.of(p, EngineKind.INTERP), Arguments.of(p, EngineKind.JIT)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("programs")
    void programAgreesWithTheHost(String name, EngineKind engine) throws Exception {
        assumeTrue(unavailable.isEmpty(), unavailable);
        HostComparison.assertAgrees(name, DIR.resolve(name), List.of(), "", engine);
    }
}
