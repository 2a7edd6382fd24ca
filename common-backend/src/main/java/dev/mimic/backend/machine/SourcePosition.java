package dev.mimic.backend.machine;

/** A place in a guest program's source text, for machines that run compiled source (Pascal). */
public record SourcePosition(String file, int line) {
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
