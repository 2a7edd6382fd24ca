package dev.mimic.cli;

import dev.mimic.backend.machine.MachineException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Input files the user named (programs, scripts) that cannot be read become one line naming the
 * file and the reason, such as {@code prog.p5: no such file}: a bad input file is exit status 2,
 * not a stack trace.
 */
final class InputFiles {
    private InputFiles() {
    }

    static MachineException unreadable(Path file, IOException e) {
        String why = e instanceof NoSuchFileException ? "no such file"
                : e instanceof AccessDeniedException ? "permission denied"
                : Files.isDirectory(file) ? "is a directory"
                : "cannot read (" + e.getMessage() + ")";
        return new MachineException(file + ": " + why);
    }

    /** The whole text of a small input file such as a script. */
    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }
}
