package dev.mimic.forth.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The Forth sources images are built from (the kernel's, the firmware's), read from the class
 * path; a missing one is a broken build, not a user error.
 */
public final class ForthSources {
    private ForthSources() {
    }

    /** The source {@code name} in the resource folder {@code folder} ({@code kernel}, {@code ofw}). */
    public static byte[] read(String folder, String name) {
        try (InputStream in = ForthSources.class.getResourceAsStream("/dev/mimic/forth/" + folder + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException(folder + " source " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
