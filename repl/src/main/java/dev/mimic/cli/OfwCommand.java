package dev.mimic.cli;

import dev.mimic.backend.machine.MachineException;
import dev.mimic.forth.ForthMachine;
import dev.mimic.forth.ForthOptions;
import dev.mimic.forth.fcode.FCodeFormatException;
import dev.mimic.forth.firmware.BootCommands;
import dev.mimic.forth.firmware.FirmwareFormatException;
import dev.mimic.forth.firmware.FirmwareImage;
import dev.mimic.forth.firmware.ScreenImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code mimic ofw [--image FILE] [--load-address ADDRESS] [--nvram FILE] [--fcode ROM]... [--screen FILE.png]}: boots Open Firmware (IEEE 1275)
 * to the ok prompt: Mimic's own firmware image unless {@code --image} names another, with each FCode
 * ROM attached to a device node that probe-all evaluates at boot, and NVRAM kept in a file if asked; {@code --screen} saves the display's picture at exit. The prompt reads the terminal (with
 * line editing) or, when stdin is not a terminal, stdin until its end.
 */
@Command(name = "ofw", description = "Open Firmware (IEEE 1275): boots to the ok prompt; FCode ROMs are probed at boot.")
final class OfwCommand extends MachineCommand {
    @Option(names = "--image", paramLabel = "FILE", description = "Boots this firmware image instead of Mimic's own.")
    Path image;

    @Option(names = "--load-address", paramLabel = "ADDRESS", description = "Loads the firmware's dictionary at ADDRESS (0x100000 by default), relocating it.")
    String loadAddress;

    @Option(names = "--fcode", paramLabel = "FILE", description = "Attaches an FCode ROM (repeatable); probe-all evaluates it at boot.")
    List<Path> fcode;

    @Option(names = "--nvram", paramLabel = "FILE", description = "Keeps the configuration variables in FILE across boots.")
    Path nvram;

    @Option(names = "--screen", paramLabel = "FILE.png", description = "At exit, writes what the display shows (the frame buffer the terminal emulator draws in) as a PNG.")
    Path screen;

    OfwCommand(Stdio io) {
        super(io);
    }

    @Override
    ForthMachine open(InputStream stdin) {
        try {
            return ForthMachine.create(options(stdin, false), firmware());
        } catch (FirmwareFormatException | IllegalArgumentException e) {
            throw new MachineException(e.getMessage());
        }
    }

    @Override
    int run() {
        boolean interactive = System.console() != null && io.in() == System.in;
        FirmwareImage firmware;
        try {
            firmware = firmware();
        } catch (FirmwareFormatException | IllegalArgumentException e) {
            io.err().println(e.getMessage());
            return 2;
        }
        ForthMachine machine = ForthMachine.create(options(io.in(), interactive), firmware);
        int status = machine.run(engine.maxSteps());
        engine.printStats(machine, io.err());
        return screen == null ? status : writeScreen(machine, status);
    }

    private int writeScreen(ForthMachine machine, int status) {
        Optional<ScreenImage> image = ScreenImage.of(machine);
        if (image.isEmpty()) {
            io.err().println(screen + ": no display was opened, so there is no screen to write");
            return 2;
        }
        try {
            image.get().writePng(screen);
        } catch (IOException e) {
            io.err().println(screen + ": " + e.getMessage());
            return 2;
        }
        return status;
    }

    /** The image to boot; a bad {@code --load-address} is an IllegalArgumentException saying why. */
    private FirmwareImage firmware() throws FirmwareFormatException {
        FirmwareImage firmware = image == null ? FirmwareImage.builtIn() : FirmwareImage.read(image);
        if (loadAddress == null) {
            return firmware;
        }
        long address;
        try {
            address = Long.decode(loadAddress);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--load-address " + loadAddress + ": not a number");
        }
        return firmware.relocatedTo(address);
    }

    private ForthOptions options(InputStream stdin, boolean interactive) {
        List<ForthOptions.Argument> commands = new ArrayList<>();
        try {
            if (nvram != null) {
                commands.add(BootCommands.nvram(nvram));
            }
            for (Path rom : fcode == null ? List.<Path>of() : fcode) {
                commands.add(BootCommands.attachment(rom));
            }
        } catch (IOException | FCodeFormatException e) {
            throw new MachineException(e.getMessage());
        }
        return new ForthOptions(engine.kind(), engine.compiler(), engine.tierThreshold(), io.out(), io.err(),
                interactive ? ForthCommand.lineEditor() : null, stdin, interactive, commands, ForthOptions.DEFAULT_MEMORY);
    }
}
