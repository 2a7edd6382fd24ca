package dev.mimic.backend.exec;

/** Counters for {@code --stats}: how much guest code was decoded, compiled and run, and how. */
public final class ExecStats {
    long regionsDecoded;
    long regionsCompiled;
    long compileFailures;
    long interpretedRuns;
    long compiledRuns;

    public long regionsDecoded() {
        return regionsDecoded;
    }

    public long regionsCompiled() {
        return regionsCompiled;
    }

    public long interpretedRuns() {
        return interpretedRuns;
    }

    public long compiledRuns() {
        return compiledRuns;
    }

    /** A few lines for the terminal. */
    public String format(long instructions) {
        return String.format("blocks decoded:       %,d%n"
                        + "blocks compiled:      %,d%s%n"
                        + "blocks interpreted:   %,d runs%n"
                        + "blocks run compiled:  %,d runs%n"
                        + "guest instructions:   %,d%n",
                regionsDecoded, regionsCompiled,
                compileFailures == 0 ? "" : String.format(" (%,d too large, kept interpreted)", compileFailures),
                interpretedRuns, compiledRuns, instructions);
    }
}
