package dev.mimic.cli;

import dev.mimic.backend.exec.Engine;
import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.exec.RegionCompiler;
import dev.mimic.backend.jit.Jit;
import dev.mimic.backend.machine.Machine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.io.PrintStream;

/** The execution options every machine subcommand takes, mixed into each. */
public final class EngineOptions {
    /** One JIT serves every machine in the process: it is stateless. */
    private static final RegionCompiler JIT = new Jit();

    @Option(names = "--engine", paramLabel = "interp|jit|tiered", converter = KindConverter.class, defaultValue = "tiered",
            description = "How guest code runs: always interpreted, always compiled, or interpreted until hot (default: ${DEFAULT-VALUE}).")
    EngineKind kind;

    @Option(names = "--stats", description = "At the end, print blocks decoded, interpreted and compiled, and guest instructions executed (on stderr).")
    boolean stats;

    @Option(names = "--max-steps", paramLabel = "N", converter = Positive.class,
            description = "Stop after N guest instructions (in the workbench: per command).")
    Long maxSteps;

    @Option(names = "--jit-threshold", paramLabel = "N", converter = Positive.class,
            description = "Runs of a block before tiered mode compiles it (default: " + Engine.DEFAULT_TIER_THRESHOLD + ").")
    Long jitThreshold;

    public EngineKind kind() {
        return kind;
    }

    /** The region compiler for jit and tiered modes. */
    public RegionCompiler compiler() {
        return JIT;
    }

    public int tierThreshold() {
        return jitThreshold == null ? Engine.DEFAULT_TIER_THRESHOLD : (int) Math.min(jitThreshold, Integer.MAX_VALUE);
    }

    /** True when {@code --stats} was given. */
    public boolean stats() {
        return stats;
    }

    /** The instruction budget, {@link Long#MAX_VALUE} when there is none. */
    public long maxSteps() {
        return maxSteps == null ? Long.MAX_VALUE : maxSteps;
    }

    /** Prints the engine's statistics if {@code --stats} was given. */
    public void printStats(Machine machine, PrintStream to) {
        if (stats) {
            to.print(statistics(machine));
        }
    }

    /** The {@code --stats} lines: blocks decoded, compiled, run each way, and guest instructions. */
    static String statistics(Machine machine) {
        Engine engine = machine.engine();
        return engine.stats().format(engine.context().instructions);
    }

    /** Parses {@code interp}, {@code jit} or {@code tiered}. */
    static final class KindConverter implements ITypeConverter<EngineKind> {
        @Override
        public EngineKind convert(String value) {
            try {
                return EngineKind.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Parses a count of 1 or more. */
    static final class Positive implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long n;
            try {
                n = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number");
            }
            if (n < 1) {
                throw new TypeConversionException("'" + value + "' must be 1 or more");
            }
            return n;
        }
    }
}
