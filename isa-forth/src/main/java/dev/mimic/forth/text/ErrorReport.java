package dev.mimic.forth.text;

import dev.mimic.forth.exception.ThrowCode;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the last exception was thrown, kept for the report an uncaught exception gets, in gforth's
 * format:
 * <pre>
 * in file included from outer.fs:2
 * inner.fs:3: Undefined word
 *   3 &gt;&gt;&gt;bar&lt;&lt;&lt; 4
 * </pre>
 * THROW captures the location while the failing input source is still current; the system's own
 * catch-restore-rethrow (EVALUATE, INCLUDED) marks its rethrow so the original location stays.
 */
public final class ErrorReport {
    private record Location(String where, String line, int tokenStart, int tokenLength, List<String> includedFrom) {
    }

    private boolean rethrowing;
    private String abortMessage = "";
    private Location location;

    /** The next capture is a rethrow of an exception already captured. */
    public void rethrowing() {
        rethrowing = true;
    }

    /** The text ABORT" reports as the message of exception -2. */
    public void abortMessage(String message) {
        abortMessage = message;
    }

    /** Records where exception is being thrown, unless it is being passed on. */
    public void capture(InputSources sources) {
        if (rethrowing) {
            rethrowing = false;
            return;
        }
        List<InputSources.Frame> frames = sources.frames();
        InputSources.Frame current = frames.get(0);
        List<String> outer = new ArrayList<>();
        for (int i = frames.size() - 1; i > 0; i--) {
            InputSources.Frame f = frames.get(i);
            if (f.kind() == InputSources.Kind.FILE) {
                outer.add(f.name() + ":" + f.line());
            }
        }
        location = new Location(current.name() + ":" + current.line(), sources.sourceText(), current.tokenStart,
                current.tokenLength, outer);
    }

    /** The report of exception {@code code}; just the message when nothing was captured. */
    public String format(int code) {
        String message = code == ThrowCode.ABORT_QUOTE ? abortMessage : ThrowCode.message(code);
        if (location == null) {
            return message + "\n";
        }
        StringBuilder s = new StringBuilder();
        for (String from : location.includedFrom()) {
            s.append("in file included from ").append(from).append('\n');
        }
        s.append(location.where()).append(": ").append(message).append('\n');
        String line = location.line();
        int start = location.tokenStart();
        int end = start + location.tokenLength();
        if (start >= 0 && end <= line.length()) {
            s.append(line, 0, start).append(">>>").append(line, start, end).append("<<<").append(line.substring(end));
        } else {
            s.append(line);
        }
        return s.append('\n').toString();
    }

    /** Forgets the captured location (after it was reported). */
    public void clear() {
        location = null;
        rethrowing = false;
    }
}
