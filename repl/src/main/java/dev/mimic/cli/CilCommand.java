package dev.mimic.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

/** .NET programs (ECMA-335 CIL) on Mimic's corlib, after mono's command line. */
@Command(name = "cil", description = "Runs a .NET program, ECMA-335 CIL (not available yet). Like mono PROGRAM.exe ARGS.")
final class CilCommand extends UnavailableMachine {
    @Parameters(index = "0", paramLabel = "PROGRAM.exe", description = "The assembly with the entry point.")
    Path program;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "The program's arguments.")
    List<String> arguments;

    CilCommand(Stdio io) {
        super(io);
    }
}
