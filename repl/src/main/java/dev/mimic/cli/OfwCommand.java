package dev.mimic.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

/** Open Firmware (IEEE 1275): a device tree, FCode drivers and the client interface. */
@Command(name = "ofw",
        description = "Open Firmware, IEEE 1275 (not available yet): evaluates FCode images and Forth at the ok prompt.")
final class OfwCommand extends UnavailableMachine {
    @Option(names = {"-e", "--evaluate"}, paramLabel = "CODE", description = "Evaluates CODE at the ok prompt after loading.")
    List<String> evaluate;

    @Parameters(paramLabel = "FCODE", arity = "0..*", description = "FCode images (device drivers) to probe, in order.")
    List<Path> images;

    OfwCommand(Stdio io) {
        super(io);
    }
}
