package dev.mimic.forth.firmware;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.forth.ForthMachine;
import dev.mimic.forth.ForthOptions;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A machine booted from the built-in firmware image for tests, with stdout and stderr captured. */
final class Firmware {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final ForthMachine machine;

    Firmware(EngineKind engine) {
        machine = ForthMachine.create(ForthOptions.defaults().withEngine(engine).withLines(prompt -> null)
                .withOutput(out, new PrintStream(err, true, StandardCharsets.UTF_8)), FirmwareImage.builtIn());
    }

    /** Evaluates {@code text} and returns what it printed on stdout (clearing the capture). */
    String run(String text) {
        machine.evaluate(text);
        String s = out.toString(StandardCharsets.UTF_8);
        out.reset();
        return s;
    }

    String errors() {
        String s = err.toString(StandardCharsets.UTF_8);
        err.reset();
        return s;
    }
}
