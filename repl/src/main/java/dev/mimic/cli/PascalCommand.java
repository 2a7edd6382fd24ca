package dev.mimic.cli;

import dev.mimic.backend.machine.MachineException;
import dev.mimic.pcode.compiler.CompileResult;
import dev.mimic.pcode.compiler.PascalCompiler;
import dev.mimic.pcode.load.PcodeFormatException;
import dev.mimic.pcode.load.PcodeProgram;
import dev.mimic.pcode.machine.PMachine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code mimic pascal PROGRAM.pas [FILE...]}: compiles ISO 7185 Pascal to P5 p-code and runs it;
 * with {@code -c} it only compiles, like a C compiler's {@code -c}.
 */
@Command(name = "pascal", description = "Compiles an ISO 7185 Pascal program to p-code and runs it on the p-machine.")
final class PascalCommand extends MachineCommand {
    @Option(names = "-c", description = "Only compile: write the p-code, do not run it.")
    boolean compileOnly;

    @Option(names = "-o", paramLabel = "PROGRAM.p5", description = "Write the p-code to this file (with -c, default: the source's name with .p5).")
    Path output;

    @Parameters(index = "0", paramLabel = "PROGRAM.pas", description = "The Pascal source.")
    Path source;

    @Parameters(index = "1..*", paramLabel = "FILE", description = "Files for the program's file parameters, in order.")
    List<Path> files = List.of();

    PascalCommand(Stdio io) {
        super(io);
    }

    @Override
    PMachine open(InputStream stdin) {
        return PcodeCommand.machine(compile(), engine, files, stdin, io);
    }

    @Override
    int run() {
        PcodeProgram program = compile();
        return compileOnly ? 0 : PcodeCommand.run(program, engine, files, io);
    }

    /** Compiles the source, writing the p-code where asked; compile errors go to stderr, all of them. */
    private PcodeProgram compile() {
        CompileResult result;
        try {
            result = new PascalCompiler().compile(source);
        } catch (UncheckedIOException e) {
            throw InputFiles.unreadable(source, e.getCause());
        }
        Path p5 = output != null ? output : source.resolveSibling(source.getFileName().toString().replaceFirst("(\\.pas)?$", ".p5"));
        PcodeProgram program = program(result, source.toString(), p5.toString(), io.err());
        if (output != null || compileOnly) {
            try {
                Files.writeString(p5, result.pcode());
            } catch (IOException e) {
                throw new MachineException(p5 + ": cannot write (" + e.getMessage() + ")");
            }
        }
        return program;
    }

    /**
     * The program a compilation produced, loaded under the name {@code p5}; when there are compile
     * errors, prints every one on {@code errors} and throws a one-line summary naming {@code source}.
     */
    static PcodeProgram program(CompileResult result, String source, String p5, PrintStream errors) {
        if (!result.ok()) {
            result.errors().forEach(errors::println);
            int n = result.errors().size();
            throw new MachineException(source + ": " + n + (n == 1 ? " error" : " errors"));
        }
        try {
            return PcodeProgram.parse(p5, result.pcode());
        } catch (PcodeFormatException e) {
            throw new IllegalStateException("the compiler wrote p-code its loader refuses: " + e.getMessage(), e);
        }
    }
}
