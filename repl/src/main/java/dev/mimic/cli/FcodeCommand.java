package dev.mimic.cli;

import dev.mimic.backend.machine.MachineException;
import dev.mimic.forth.fcode.Detokenizer;
import dev.mimic.forth.fcode.FCodeFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code mimic fcode detok FILE}: lists an FCode program (bare, or inside a PCI expansion ROM) token
 * by token, in the layout of Debian's {@code detok}, so FCode ROMs can be read and compared.
 */
@Command(name = "fcode", description = "IEEE 1275 FCode tools.")
final class FcodeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    private final Stdio io;

    FcodeCommand(Stdio io) {
        this.io = io;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: detok");
    }

    @Command(name = "detok", description = "Detokenizes an FCode image (bare, or a PCI expansion ROM) like detok(1).")
    int detok(@Parameters(paramLabel = "FILE", description = "The FCode image.") Path file) {
        try {
            io.out().print(Detokenizer.listing(file));
            return 0;
        } catch (FCodeFormatException e) {
            throw new MachineException(e.getMessage());
        } catch (IOException e) {
            throw new MachineException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
