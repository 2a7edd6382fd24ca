package dev.mimic.pcode.machine;

import dev.mimic.backend.exec.StopEvent;
import dev.mimic.pcode.Runs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A program that runs away is bounded by the step limit and stopped by an interrupt, even while it waits for input
 * or recurses without a loop (procedures called as JVM calls check on entry).
 */
class StoppingTest {
    static List<Runs.Engine> engines() {
        return Runs.engines();
    }

    /** Each engine with each runaway: a loop, and a recursion without a loop (calls are JVM calls). */
    static Stream<Arguments> runaways() {
        return Runs.engines().stream().flatMap(e -> Stream.of(Arguments.of(e, "forever"), Arguments.of(e, "walk")));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("runaways")
    void stepLimitEndsARunawayProgramWithStatus1(Runs.Engine engine, String program) {
        Runs.Result r = Runs.run(Runs.resource("machine/" + program + ".p5"), engine, "", List.of(), 100_000);
        assertEquals(program + ".pas:4: stopped after 100000 steps (--max-steps)" + System.lineSeparator(), r.stderr());
        assertEquals(1, r.exit());
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("runaways")
    void interruptStopsARunawayProgramPromptly(Runs.Engine engine, String program) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PMachine m = new PMachine(Runs.resource("machine/" + program + ".p5"),
                Runs.options(engine, "", new ByteArrayOutputStream(), err));
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(m::runToCompletion);
        Thread.sleep(200);
        m.engine().interrupt();
        assertEquals(130, run.get(5, TimeUnit.SECONDS));
        assertTrue(err.toString(StandardCharsets.UTF_8).matches(program + "\\.pas:\\d+: interrupted\\R"), err::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void recursionDeeperThanTheJvmCallNestingRunsToItsEnd(Runs.Engine engine) {
        Runs.Result r = Runs.run(Runs.resource("machine/deep.p5"), engine, "");
        assertEquals("12502500" + System.lineSeparator(), r.stdout());
        assertEquals(0, r.exit());
    }

    @Test
    void interruptStopsAReadThatWaitsForInputAndTheReadCanResume() throws Exception {
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keyboard);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PMachine m = new PMachine(Runs.resource("machine/readforever.p5"), PMachineOptions.defaults()
                .withConsole(in, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream())));
        CompletableFuture<StopEvent> run = CompletableFuture.supplyAsync(() -> m.engine().run(Long.MAX_VALUE));
        Thread.sleep(200);
        m.engine().interrupt();
        StopEvent e = run.get(5, TimeUnit.SECONDS);
        assertEquals(StopEvent.Kind.INTERRUPTED, e.kind());
        long sp = m.register("sp");
        keyboard.write("12 34\n".getBytes(StandardCharsets.US_ASCII));
        keyboard.flush();
        CompletableFuture<StopEvent> resumed = CompletableFuture.supplyAsync(() -> m.engine().run(Long.MAX_VALUE));
        Thread.sleep(300);
        m.engine().interrupt();
        assertEquals(StopEvent.Kind.INTERRUPTED, resumed.get(5, TimeUnit.SECONDS).kind());
        assertEquals(34, m.readMemory(m.program().globalsBase() + 8, 1)[0]);
        assertEquals(sp, m.register("sp"), "an interrupted read leaves the stack as before the instruction");
        keyboard.close();
        assertTrue(e.pc() > 0);
    }

    @Test
    void eachRunIsIndependentOfTheOthers() throws IOException {
        assertEquals(Runs.run(Runs.resource("golden/procs.p5"), Runs.interpreter(), ""),
                Runs.run(Runs.resource("golden/procs.p5"), Runs.interpreter(), ""));
    }
}
