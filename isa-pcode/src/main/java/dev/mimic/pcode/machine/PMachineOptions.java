package dev.mimic.pcode.machine;

import dev.mimic.backend.exec.Engine;
import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.exec.RegionCompiler;
import dev.mimic.backend.interp.InterpretedCode;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * How to run a p-code program: the engine and the compiler it tiers up to, the console, the
 * external files bound (in order) to the program's file parameters other than input and output,
 * and the step budget.
 *
 * @param compiler      turns hot regions into compiled code (the JIT); null interprets everything
 * @param tierThreshold runs of a region before the tiered engine compiles it
 * @param files         bound in order to the program parameters other than input and output;
 *                      without debug records naming them, those are pint's prd and prr
 * @param maxSteps      the most p-instructions to run, or 0 for no limit
 */
public record PMachineOptions(EngineKind engine, RegionCompiler compiler, int tierThreshold, InputStream stdin,
                              PrintStream stdout, PrintStream stderr, List<Path> files, long maxSteps) {
    public PMachineOptions {
        files = List.copyOf(files);
        if (compiler == null) {
            compiler = InterpretedCode::new;
        }
        if (maxSteps < 0) {
            throw new IllegalArgumentException("maxSteps must be 0 (no limit) or positive: " + maxSteps);
        }
    }

    /** The interpreter on the process's console, no files, no step limit. */
    public static PMachineOptions defaults() {
        return new PMachineOptions(EngineKind.INTERP, null, Engine.DEFAULT_TIER_THRESHOLD, System.in, System.out,
                System.err, List.of(), 0);
    }

    public PMachineOptions withEngine(EngineKind kind, RegionCompiler regionCompiler) {
        return new PMachineOptions(kind, regionCompiler, tierThreshold, stdin, stdout, stderr, files, maxSteps);
    }

    public PMachineOptions withConsole(InputStream in, PrintStream out, PrintStream err) {
        return new PMachineOptions(engine, compiler, tierThreshold, in, out, err, files, maxSteps);
    }

    public PMachineOptions withFiles(List<Path> bound) {
        return new PMachineOptions(engine, compiler, tierThreshold, stdin, stdout, stderr, bound, maxSteps);
    }

    public PMachineOptions withMaxSteps(long steps) {
        return new PMachineOptions(engine, compiler, tierThreshold, stdin, stdout, stderr, files, steps);
    }
}
