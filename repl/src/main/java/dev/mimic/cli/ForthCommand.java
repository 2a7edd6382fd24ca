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
    /** Files and texts in command-line order, as gforth processes them. */
    private final List<ForthOptions.Argument> arguments = new ArrayList<>();

    /*
     * picocli calls these with the values so far each time one more is parsed (and once with none),
     * so the newest value is the last: appending it keeps files and texts in command-line order.
     */
    @Option(names = {"-e", "--evaluate"}, paramLabel = "CODE", description = "Evaluates CODE, in command-line order with the files.")
    void evaluate(List<String> texts) {
        if (!texts.isEmpty()) {
            arguments.add(ForthOptions.Argument.evaluate(texts.get(texts.size() - 1)));
        }
    }

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Source files to include, in command-line order with the texts.")
    void files(List<Path> files) {
        if (!files.isEmpty()) {
            arguments.add(ForthOptions.Argument.file(files.get(files.size() - 1).toString()));
        }
    }

    ForthCommand(Stdio io) {
        super(io);
    }

    @Override
    ForthMachine open(InputStream stdin) {
        ForthMachine machine = ForthMachine.create(options(stdin, List.of(), null, false));
        StringBuilder texts = new StringBuilder();
        for (ForthOptions.Argument a : arguments) {
            if (a.isFile()) {
                machine.include(Path.of(a.text()));
            } else {
                texts.append(texts.isEmpty() ? "" : " ").append(a.text());
            }
        }
        machine.prepare(texts.toString());
        return machine;
    }

    @Override
    int run() {
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
    static LineSource lineEditor() {
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
