package dev.mimic.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

/** A Forth system, after gforth's command line. */
@Command(name = "forth", description = "A Forth system (not available yet). Options follow gforth.")
final class ForthCommand extends UnavailableMachine {
    @Option(names = {"-e", "--evaluate"}, paramLabel = "CODE", description = "Evaluates CODE after loading the files.")
    List<String> evaluate;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Source files to load, in order.")
    List<Path> files;

    ForthCommand(Stdio io) {
        super(io);
    }
}
