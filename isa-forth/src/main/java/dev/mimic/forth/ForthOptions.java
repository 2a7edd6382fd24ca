package dev.mimic.forth;

import dev.mimic.backend.exec.Engine;
import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.exec.RegionCompiler;
import dev.mimic.backend.jit.Jit;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * How to build a {@link ForthMachine}: the engine, the guest's streams, and the command line it
 * runs when started with {@link ForthMachine#run()} (files to include and texts to evaluate, in
 * order, as gforth takes them). Immutable; the {@code with} methods return changed copies.
 *
 * @param engine        interpreter, JIT, or interpreted until hot (the default)
 * @param compiler      the JIT
 * @param tierThreshold runs of a region before tiered mode compiles it
 * @param stdout        where EMIT and TYPE write
 * @param stderr        where error reports go
 * @param lines         where the terminal's lines come from; null reads {@code stdin}
 * @param stdin         read when {@code lines} is null
 * @param interactive   a person is typing: print the banner (and no input echo)
 * @param arguments     the command line: {@link Argument#file} and {@link Argument#evaluate} items
 * @param memorySize    bytes of guest memory (dictionary, stacks, heap)
 */
public record ForthOptions(EngineKind engine, RegionCompiler compiler, int tierThreshold, OutputStream stdout,
                           PrintStream stderr, LineSource lines, InputStream stdin, boolean interactive,
                           List<Argument> arguments, int memorySize) {
    /** One command-line item. */
    public record Argument(boolean isFile, String text) {
        /** A file to include ({@code mimic forth file.fs}). */
        public static Argument file(String path) {
            return new Argument(true, path);
        }

        /** Text to evaluate ({@code -e 'words'}). */
        public static Argument evaluate(String text) {
            return new Argument(false, text);
        }
    }

    public static final int DEFAULT_MEMORY = 16 << 20;

    public ForthOptions {
        arguments = List.copyOf(arguments);
    }

    /** Tiered engine with the JIT, the process's standard streams, no command line, 16 MiB. */
    public static ForthOptions defaults() {
        return new ForthOptions(EngineKind.TIERED, new Jit(), Engine.DEFAULT_TIER_THRESHOLD, System.out, System.err,
                null, System.in, false, List.of(), DEFAULT_MEMORY);
    }

    public ForthOptions withEngine(EngineKind kind) {
        return new ForthOptions(kind, compiler, tierThreshold, stdout, stderr, lines, stdin, interactive, arguments, memorySize);
    }

    public ForthOptions withCompiler(RegionCompiler c) {
        return new ForthOptions(engine, c, tierThreshold, stdout, stderr, lines, stdin, interactive, arguments, memorySize);
    }

    public ForthOptions withTierThreshold(int runs) {
        return new ForthOptions(engine, compiler, runs, stdout, stderr, lines, stdin, interactive, arguments, memorySize);
    }

    public ForthOptions withOutput(OutputStream out, PrintStream err) {
        return new ForthOptions(engine, compiler, tierThreshold, out, err, lines, stdin, interactive, arguments, memorySize);
    }

    public ForthOptions withInput(InputStream in) {
        return new ForthOptions(engine, compiler, tierThreshold, stdout, stderr, null, in, interactive, arguments, memorySize);
    }

    public ForthOptions withLines(LineSource source) {
        return new ForthOptions(engine, compiler, tierThreshold, stdout, stderr, source, stdin, interactive, arguments, memorySize);
    }

    public ForthOptions withInteractive(boolean yes) {
        return new ForthOptions(engine, compiler, tierThreshold, stdout, stderr, lines, stdin, yes, arguments, memorySize);
    }

    public ForthOptions withArguments(List<Argument> items) {
        return new ForthOptions(engine, compiler, tierThreshold, stdout, stderr, lines, stdin, interactive, items, memorySize);
    }

    /** Adds one command-line item after those already there. */
    public ForthOptions withArgument(Argument item) {
        List<Argument> items = new ArrayList<>(arguments);
        items.add(item);
        return withArguments(items);
    }

    public ForthOptions withMemorySize(int bytes) {
        return new ForthOptions(engine, compiler, tierThreshold, stdout, stderr, lines, stdin, interactive, arguments, bytes);
    }
}
