package dev.mimic.pcode.runtime;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One logical file of the p-machine (pint's filtable entry): closed, or open for reading or for
 * writing. A file bound to a path reads and writes that path; any other file is a temporary kept
 * in memory, so a program writes nothing outside the files it was handed. Text and binary files
 * share this class; the standard procedures decide how the bytes are read.
 */
final class PFile {
    enum Mode { CLOSED, READ, WRITE }

    final int number;
    final String name;
    Mode mode = Mode.CLOSED;
    /** The external file, or null for a temporary. */
    Path bound;
    /** What a temporary file holds once written. */
    byte[] contents = new byte[0];
    /** pint's filbuff: the buffer variable holds the next element (binary files). */
    boolean bufferFull;
    /** A file variable was assigned this number (numbers of unassigned files are reused first). */
    boolean assigned;
    private ByteInput in;
    private OutputStream out;
    private ByteArrayOutputStream temporary;

    PFile(int number, String name) {
        this.number = number;
        this.name = name;
    }

    /** A file that always reads from {@code in} (input). */
    static PFile reading(int number, String name, ByteInput in) {
        PFile f = new PFile(number, name);
        f.mode = Mode.READ;
        f.in = in;
        return f;
    }

    /** A file that always writes to {@code out} (output). */
    static PFile writing(int number, String name, OutputStream out) {
        PFile f = new PFile(number, name);
        f.mode = Mode.WRITE;
        f.out = out;
        return f;
    }

    /** Opens for reading from the start (reset). */
    void reset(boolean text) {
        open(text, 0);
    }

    /** Opens for reading, skipping the first {@code position} bytes (restoring a snapshot). */
    void open(boolean text, int position) {
        closeOutput();
        byte[] data;
        if (bound != null) {
            try {
                data = Files.readAllBytes(bound);
            } catch (IOException e) {
                throw P5Error.IO_ERROR.fault("cannot read " + bound + ": " + e.getMessage());
            }
        } else {
            data = contents;
        }
        in = text ? new TextInput(new ArrayInput(data, 0)) : new ArrayInput(data, 0);
        while (position() < position && in.peek() >= 0) {
            in.skip();
        }
        mode = Mode.READ;
        bufferFull = false;
    }

    /** Opens for writing, emptying the file (rewrite). */
    void rewrite() {
        closeOutput();
        if (bound != null) {
            try {
                out = new BufferedOutputStream(Files.newOutputStream(bound));
            } catch (IOException e) {
                throw P5Error.IO_ERROR.fault("cannot write " + bound + ": " + e.getMessage());
            }
        } else {
            temporary = new ByteArrayOutputStream();
            out = temporary;
        }
        in = null;
        mode = Mode.WRITE;
        bufferFull = false;
    }

    /** Reopens a bound file for appending (restoring a snapshot taken while it was written). */
    void append() {
        try {
            out = new BufferedOutputStream(Files.newOutputStream(bound, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw P5Error.IO_ERROR.fault("cannot write " + bound + ": " + e.getMessage());
        }
        mode = Mode.WRITE;
    }

    ByteInput input() {
        return in;
    }

    /** How far a file opened for reading has been read, or -1 when that cannot be told. */
    int position() {
        ByteInput raw = in instanceof TextInput t ? t.raw() : in;
        return raw instanceof ArrayInput a ? a.position() : -1;
    }

    boolean isText() {
        return in instanceof TextInput;
    }

    void write(int b) {
        try {
            out.write(b);
        } catch (IOException e) {
            throw P5Error.IO_ERROR.fault("cannot write " + name + ": " + e.getMessage());
        }
    }

    void write(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw P5Error.IO_ERROR.fault("cannot write " + name + ": " + e.getMessage());
        }
    }

    /** Pushes buffered output to its destination. */
    void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    /** Ends writing: a temporary keeps what was written, a bound file is closed. */
    void closeOutput() {
        if (temporary != null) {
            contents = temporary.toByteArray();
            temporary = null;
            out = null;
        } else if (out != null && bound != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw P5Error.IO_ERROR.fault("cannot write " + bound + ": " + e.getMessage());
            } finally {
                out = null;
            }
        }
    }

    /** What a temporary holds now, written so far included (for snapshots). */
    byte[] snapshotContents() {
        return temporary != null ? temporary.toByteArray() : contents;
    }
}
