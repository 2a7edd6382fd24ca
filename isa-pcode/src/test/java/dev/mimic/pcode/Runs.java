package dev.mimic.pcode;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.exec.RegionCompiler;
import dev.mimic.backend.interp.InterpretedCode;
import dev.mimic.pcode.load.PcodeFormatException;
import dev.mimic.pcode.load.PcodeProgram;
import dev.mimic.pcode.machine.PMachine;
import dev.mimic.pcode.machine.PMachineOptions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs p-code programs in tests, on each engine this build has. */
public final class Runs {
    /** An engine to run on: a kind and the compiler it uses. */
    public record Engine(String name, EngineKind kind, RegionCompiler compiler, int threshold) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What a run printed and returned. */
    public record Result(int exit, String stdout, String stderr) {
    }

    private Runs() {
    }

    /**
     * The interpreter, and the JIT (always compiled, and tiered after two runs) once
     * dev.mimic.backend.jit.Jit is on the class path.
     */
    public static List<Engine> engines() {
        List<Engine> all = new ArrayList<>();
        all.add(new Engine("interp", EngineKind.INTERP, InterpretedCode::new, 1));
        RegionCompiler jit = jit();
        if (jit != null) {
            all.add(new Engine("jit", EngineKind.JIT, jit, 1));
            all.add(new Engine("tiered", EngineKind.TIERED, jit, 2));
        }
        return all;
    }

    /** The JIT, if this build has it (it is developed alongside). */
    public static RegionCompiler jit() {
        try {
            Object jit = Class.forName("dev.mimic.backend.jit.Jit").getConstructor().newInstance();
            return (RegionCompiler) jit;
        } catch (ReflectiveOperationException | ClassCastException e) {
            return null;
        }
    }

    public static Engine interpreter() {
        return engines().get(0);
    }

    public static PcodeProgram resource(String name) {
        try (InputStream in = Runs.class.getResourceAsStream("/pcode/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /pcode/" + name);
            }
            return PcodeProgram.parse(name, new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PcodeFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public static String text(String name) {
        try (InputStream in = Runs.class.getResourceAsStream("/pcode/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PMachineOptions options(Engine engine, String stdin, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return new PMachineOptions(engine.kind(), engine.compiler(), engine.threshold(),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.ISO_8859_1)),
                new PrintStream(out, true, StandardCharsets.ISO_8859_1), new PrintStream(err, true, StandardCharsets.UTF_8),
                List.of(), 0);
    }

    public static Result run(PcodeProgram program, Engine engine, String stdin) {
        return run(program, engine, stdin, List.of(), 0);
    }

    public static Result run(PcodeProgram program, Engine engine, String stdin, List<Path> files, long maxSteps) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PMachine m = new PMachine(program, options(engine, stdin, out, err).withFiles(files).withMaxSteps(maxSteps));
        int exit = m.runToCompletion();
        return new Result(exit, out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.UTF_8));
    }
}
