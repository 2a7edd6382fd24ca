package dev.mimic.cli;

import dev.mimic.forth.ForthMachine;
import dev.mimic.forth.ForthOptions;
import dev.mimic.forth.LineSource;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mimic forth [FILE...] [-e CODE]}: a Forth-2012 system, after gforth's command line: the files
 * are included, then each {@code -e} text evaluated, then the ok prompt reads the terminal (with
 * line editing) or stdin until {@code bye} or the end of input.
 */
@Command(name = "forth", description = "A Forth-2012 system with an ok prompt. Options follow gforth.")
final class ForthCommand extends MachineCommand {
    @Option(names = {"-e", "--evaluate"}, paramLabel = "CODE", description = "Evaluates CODE after loading the files.")
    List<String> evaluate;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Source files to load, in order.")
    List<Path> files;

    ForthCommand(Stdio io) {
        super(io);
    }

    @Override
    ForthMachine open(InputStream stdin) {
        ForthMachine machine = ForthMachine.create(options(stdin, List.of(), null, false));
        for (Path file : files == null ? List.<Path>of() : files) {
            machine.include(file);
        }
        machine.prepare(evaluate == null ? "" : String.join(" ", evaluate));
        return machine;
    }

    @Override
    int run() {
        List<ForthOptions.Argument> arguments = new ArrayList<>();
        (files == null ? List.<Path>of() : files).forEach(f -> arguments.add(ForthOptions.Argument.file(f.toString())));
        (evaluate == null ? List.<String>of() : evaluate).forEach(e -> arguments.add(ForthOptions.Argument.evaluate(e)));
        boolean interactive = System.console() != null && io.in() == System.in;
        ForthMachine machine = ForthMachine.create(options(io.in(), arguments, interactive ? lineEditor() : null, interactive));
        int status = machine.run(engine.maxSteps());
        engine.printStats(machine, io.err());
        return status;
    }

    private ForthOptions options(InputStream stdin, List<ForthOptions.Argument> arguments, LineSource lines, boolean interactive) {
        return new ForthOptions(engine.kind(), engine.compiler(), engine.tierThreshold(), io.out(), io.err(),
                lines, stdin, interactive, arguments, ForthOptions.DEFAULT_MEMORY);
    }

    /** JLine on the terminal: editing and history for the ok prompt; Ctrl-C abandons the line. */
    private static LineSource lineEditor() {
        LineReader reader;
        try {
            reader = LineReaderBuilder.builder().terminal(TerminalBuilder.terminal()).appName("mimic-forth").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return prompt -> {
            try {
                return reader.readLine(prompt);
            } catch (UserInterruptException e) {
                return "";
            } catch (EndOfFileException e) {
                return null;
            }
        };
    }
}
