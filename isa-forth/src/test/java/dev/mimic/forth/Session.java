package dev.mimic.forth;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.forth.boot.StartImage;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A Forth machine for tests, with its stdout and stderr captured. */
public final class Session {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    public final ForthMachine machine;

    /** A machine with no terminal input. */
    Session(EngineKind engine) {
        this(ForthOptions.defaults().withEngine(engine).withLines(prompt -> null));
    }

    Session(ForthOptions options) {
        machine = ForthMachine.create(options.withOutput(out, new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    /** A machine started from {@code image} (a firmware image) with no terminal input. */
    public Session(EngineKind engine, StartImage image) {
        machine = ForthMachine.create(ForthOptions.defaults().withEngine(engine).withLines(prompt -> null)
                .withOutput(out, new PrintStream(err, true, StandardCharsets.UTF_8)), image);
    }

    /** Evaluates {@code text} and returns what it printed on stdout (clearing the capture). */
    public String run(String text) {
        machine.evaluate(text);
        return output();
    }

    String output() {
        String s = out.toString(StandardCharsets.UTF_8);
        out.reset();
        return s;
    }

    public String errors() {
        String s = err.toString(StandardCharsets.UTF_8);
        err.reset();
        return s;
    }
}
