package dev.mimic.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * The process's standard streams as the commands use them: passed in rather than read from
 * {@link System}, so tests run the whole command line against captured streams.
 */
public record Stdio(InputStream in, PrintStream out, PrintStream err) {
    public static Stdio system() {
        return new Stdio(System.in, System.out, System.err);
    }

    /** A writer on stdout for the workbench's output, which the caller flushes. */
    public PrintWriter writer() {
        return new PrintWriter(new OutputStreamWriter(out, out.charset()));
    }
}
