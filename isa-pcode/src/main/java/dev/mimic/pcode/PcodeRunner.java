package dev.mimic.pcode;

import dev.mimic.backend.machine.MachineException;
import dev.mimic.pcode.load.PcodeFormatException;
import dev.mimic.pcode.load.PcodeProgram;
import dev.mimic.pcode.machine.PMachine;
import dev.mimic.pcode.machine.PMachineOptions;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What {@code mimic pcode prog.p5 [files...]} does: load a P5 intermediate file, bind the files,
 * run. The command line calls {@link #load} to get a machine it can interrupt (Ctrl-C calls
 * {@code machine.engine().interrupt()}) and then {@link PMachine#runToCompletion()}, or
 * {@link #run} for both.
 */
public final class PcodeRunner {
    /** Exit status for a malformed program file or bad arguments. */
    public static final int BAD_INPUT = 2;

    private PcodeRunner() {
    }

    /**
     * Loads and assembles {@code file} and builds a machine for it.
     *
     * @throws PcodeFormatException when the file is malformed ({@code file:line: message})
     * @throws IOException          when it cannot be read
     * @throws MachineException     when the files given do not fit the program's file parameters
     */
    public static PMachine load(Path file, PMachineOptions options) throws PcodeFormatException, IOException {
        return new PMachine(PcodeProgram.load(file), options);
    }

    /**
     * Loads and runs {@code file}; returns the exit status: 0 when the program ended, 1 after a
     * runtime error or when the step limit was reached, 2 when the file or the arguments are bad,
     * 130 when interrupted. Every message is one line on the options' stderr.
     */
    public static int run(Path file, PMachineOptions options) {
        PMachine machine;
        try {
            machine = load(file, options);
        } catch (PcodeFormatException | MachineException e) {
            options.stderr().println(e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            options.stderr().println(file + ": cannot read: " + e.getMessage());
            return BAD_INPUT;
        }
        return machine.runToCompletion();
    }
}
