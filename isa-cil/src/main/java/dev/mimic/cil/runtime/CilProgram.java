package dev.mimic.cil.runtime;

import dev.mimic.backend.exec.GuestThrow;
import dev.mimic.cil.CilFormatException;
import dev.mimic.cil.assembly.Assembly;
import dev.mimic.cil.assembly.AssemblyResolver;
import dev.mimic.cil.assembly.MethodDefinition;
import dev.mimic.cil.files.GuestFiles;
import dev.mimic.cil.model.RuntimeMethod;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A program run the way {@code mono prog.exe args} runs it: the entry point gets the arguments as
 * a {@code string[]} if it takes one, its int result is the exit status (0 for void), and an
 * unhandled exception is reported on standard error as mono reports it, with status 1.
 */
public final class CilProgram {
    private final CilRuntime runtime;
    private final RuntimeMethod main;

    private CilProgram(CilRuntime runtime, RuntimeMethod main) {
        this.runtime = runtime;
        this.main = main;
    }

    /**
     * Loads {@code path} and the class library. A malformed file is a {@link CilFormatException}; a
     * missing reference a {@link dev.mimic.cil.assembly.MissingAssemblyException}.
     */
    public static CilProgram load(Path path, CilRuntime.Engine engine, java.io.InputStream in, PrintStream out) throws IOException {
        return load(path, engine, in, out, new GuestFiles(Path.of(""), null));
    }

    /** Loads {@code path} for a run whose file operations go through {@code files}. */
    public static CilProgram load(Path path, CilRuntime.Engine engine, java.io.InputStream in, PrintStream out,
            GuestFiles files) throws IOException {
        AssemblyResolver resolver = AssemblyResolver.forProgram(path.toAbsolutePath().getParent());
        Assembly program = resolver.loadProgram(path);
        MethodDefinition entry = program.entryPoint().orElseThrow(() -> new CilFormatException(program.file(),
                "CLI header", "the assembly has no entry point (a library, not a program)"));
        resolver.closure(program);
        CilRuntime runtime = new CilRuntime(program, resolver, engine, in, out, files);
        return new CilProgram(runtime, runtime.method(entry));
    }

    public CilRuntime runtime() {
        return runtime;
    }

    /** Runs the entry point; returns the exit status. */
    public int run(List<String> arguments, PrintStream err) {
        try {
            Object result = main.signature().parameters().isEmpty() ? runtime.invoke(main)
                    : runtime.invoke(main, (Object) arguments.toArray(new Object[0]));
            runtime.out().flush();
            return result instanceof Integer status ? status : 0;
        } catch (GuestThrow thrown) {
            runtime.out().flush();
            StringBuilder text = new StringBuilder(describe(thrown.exception()));
            for (String line : runtime.traces().lines(thrown.exception())) {
                text.append('\n').append(line);
            }
            err.print("\nUnhandled Exception:\n" + text + "\n");
            err.print("[ERROR] FATAL UNHANDLED EXCEPTION: " + text + "\n");
            err.flush();
            return 1;
        }
    }

    /** {@code Type: Message}, as the first line of mono's report. */
    private String describe(Object exception) {
        var toString = runtime.types().corlibType("System", "Object").method("ToString", 0);
        return (String) runtime.invokeVirtual(toString, exception);
    }
}
