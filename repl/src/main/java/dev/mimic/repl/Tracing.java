package dev.mimic.repl;

import dev.mimic.backend.machine.Machine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The file {@code trace on FILE} writes: one listing line for every instruction about to run. The
 * engine runs one instruction per region while a tracer is set, so tracing is exact under every
 * engine, and costs nothing once it is off.
 */
final class Tracing {
    private Path path;
    private PrintWriter file;
    private long lines;

    void start(Machine machine, Path to) {
        stop(machine);
        try {
            file = new PrintWriter(Files.newBufferedWriter(to));
        } catch (IOException e) {
            throw new CommandException("cannot write " + to + ": " + e.getMessage());
        }
        path = to;
        lines = 0;
        machine.engine().setTracer(pc -> {
            file.println(Listing.plain(machine, pc));
            lines++;
        });
    }

    /** Stops tracing and closes the file; empty when nothing was being traced. */
    Optional<String> stop(Machine machine) {
        if (file == null) {
            return Optional.empty();
        }
        machine.engine().setTracer(null);
        file.close();
        String summary = lines + (lines == 1 ? " instruction" : " instructions") + " traced to " + path + (file.checkError() ? " (writing failed)" : "");
        file = null;
        path = null;
        return Optional.of(summary);
    }

    Optional<Path> path() {
        return Optional.ofNullable(path);
    }
}
