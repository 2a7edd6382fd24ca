package dev.mimic.cil.assembly;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A referenced assembly that is in none of the places searched. The message names the assembly,
 * who needs it and every folder looked in, so the user knows what to install or copy where. Control
 * characters in the name (from a corrupt AssemblyRef) print as {@code ?}, keeping the message one line.
 */
public final class MissingAssemblyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final AssemblyName missing;

    public MissingAssemblyException(String requester, AssemblyName missing, List<Path> searched) {
        super("%s: cannot find assembly %s (looked in %s)".formatted(requester,
                missing.toString().replaceAll("\\p{Cntrl}", "?"),
                searched.stream().map(Path::toString).collect(Collectors.joining(", "))));
        this.missing = missing;
    }

    public AssemblyName missing() {
        return missing;
    }
}
