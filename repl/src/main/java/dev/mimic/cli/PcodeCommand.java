package dev.mimic.cli;

import dev.mimic.backend.machine.MachineException;
import dev.mimic.pcode.load.PcodeFormatException;
import dev.mimic.pcode.load.PcodeProgram;
import dev.mimic.pcode.machine.PMachine;
import dev.mimic.pcode.machine.PMachineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** {@code mimic pcode PROGRAM.p5 [FILE...]}: runs Pascal-P5 intermediate code on the p-machine. */
@Command(name = "pcode", description = "Runs a Pascal-P5 intermediate (p-code) program on the p-machine.")
final class PcodeCommand extends MachineCommand {
    @Parameters(index = "0", paramLabel = "PROGRAM.p5", description = "The P5 intermediate file, as 'mimic pascal -c' writes it.")
    Path program;

    @Parameters(index = "1..*", paramLabel = "FILE", description = "Files for the program's file parameters, in order.")
    List<Path> files = List.of();

    PcodeCommand(Stdio io) {
        super(io);
    }

    @Override
    PMachine open(InputStream stdin) {
        return machine(load(program), engine, files, stdin, io);
    }

    @Override
    int run() {
        return run(load(program), engine, files, io);
    }

    /** Runs {@code program} to its end on the process's streams; returns the guest's exit status. */
    static int run(PcodeProgram program, EngineOptions engine, List<Path> files, Stdio io) {
        PMachine machine = machine(program, engine, files, io.in(), io);
        int status = machine.runToCompletion();
        engine.printStats(machine, io.err());
        return status;
    }

    /** The p-machine for {@code program}, set up as the options say; the guest writes to {@code io}'s streams. */
    static PMachine machine(PcodeProgram program, EngineOptions engine, List<Path> files, InputStream stdin, Stdio io) {
        return new PMachine(program, new PMachineOptions(engine.kind(), engine.compiler(), engine.tierThreshold(),
                stdin, io.out(), io.err(), files, engine.maxSteps()));
    }

    private static PcodeProgram load(Path file) {
        try {
            return PcodeProgram.load(file);
        } catch (IOException e) {
            throw InputFiles.unreadable(file, e);
        } catch (PcodeFormatException e) {
            throw new MachineException(e.getMessage());
        }
    }
}
