package dev.mimic.cli;

import dev.mimic.backend.machine.Machine;
import dev.mimic.backend.machine.MachineException;
import dev.mimic.cil.CilFormatException;
import dev.mimic.cil.assembly.MissingAssemblyException;
import dev.mimic.cil.debug.CilMachine;
import dev.mimic.cil.runtime.CilProgram;
import dev.mimic.cil.runtime.CilRuntime;
import dev.mimic.cil.runtime.StepLimitReached;
import dev.mimic.cil.translate.UnsupportedInstructionException;
import dev.mimic.cil.files.GuestFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** .NET programs (ECMA-335 CIL) on mono's class library, after mono's command line. */
@Command(name = "cil", description = "Runs a .NET program (ECMA-335 CIL) on mono's mscorlib, like mono PROGRAM.exe ARGS.")
final class CilCommand extends MachineCommand {
    @Parameters(index = "0", paramLabel = "PROGRAM.exe", description = "The assembly with the entry point.")
    Path program;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "The program's arguments.")
    List<String> arguments;

    @Option(names = "--sandbox", paramLabel = "DIR",
            description = "Confine the program's file access to DIR: a path outside it (after .. and symbolic links) is denied, as an unreadable file is under mono.")
    Path sandbox;

    CilCommand(Stdio io) {
        super(io);
    }

    /** The program stopped before its first instruction, stepping by CIL instruction through its own methods. */
    @Override
    Machine open(InputStream stdin) {
        return new CilMachine(load(stdin), arguments(), io.err());
    }

    /**
     * Runs the program; a malformed assembly or a missing reference is one line on stderr and status
     * 2, like every input error of the command line.
     */
    @Override
    int run() {
        CilProgram loaded = load(io.in());
        if (engine.maxSteps() != Long.MAX_VALUE) {
            loaded.runtime().limitSteps(engine.maxSteps());
        }
        try {
            int status = loaded.run(arguments(), io.err());
            if (engine.stats()) {
                io.err().print(loaded.runtime().statistics());
            }
            return status;
        } catch (StepLimitReached e) {
            // As the other machines report it: one line on stderr and status 1.
            loaded.runtime().out().flush();
            io.err().println(e.getMessage());
            return 1;
        } catch (UnsupportedInstructionException e) {
            io.out().flush();
            throw new MachineException("not supported yet: " + e.getMessage());
        } catch (CilFormatException e) {
            // The class library's signatures and bodies are decoded on first use, so a malformed
            // one surfaces while the program runs: still one line and status 2.
            io.out().flush();
            throw new MachineException(e.getMessage());
        }
    }

    /** Loads the program and its references; every input error is one line naming the file. */
    private CilProgram load(InputStream stdin) {
        if (sandbox != null && !Files.isDirectory(sandbox)) {
            throw new MachineException(sandbox + ": not a directory (--sandbox)");
        }
        if (!Files.isRegularFile(program)) {
            throw new MachineException(program + ": no such file");
        }
        PrintStream out = new PrintStream(io.out(), false, java.nio.charset.StandardCharsets.UTF_8);
        try {
            return CilProgram.load(program, engine(), stdin, out, files());
        } catch (CilFormatException | MissingAssemblyException e) {
            throw new MachineException(e.getMessage());
        } catch (NoSuchFileException e) {
            throw new MachineException(e.getFile() + ": no such file");
        } catch (IOException e) {
            throw new MachineException(program + ": " + e.getMessage());
        }
    }

    /** The host's files as the program sees them: from the current directory, within the sandbox if one was given. */
    private GuestFiles files() throws IOException {
        return new GuestFiles(Path.of(""), sandbox);
    }

    private List<String> arguments() {
        return arguments == null ? List.of() : arguments;
    }

    private CilRuntime.Engine engine() {
        return switch (engine.kind()) {
            case INTERP -> CilRuntime.Engine.INTERPRETER;
            case JIT -> CilRuntime.Engine.compiled(engine.compiler()::compile);
            case TIERED -> new CilRuntime.Engine(engine.compiler()::compile, engine.tierThreshold());
        };
    }

}
