package dev.mimic.pcode.runtime;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.ir.Effect;
import dev.mimic.backend.ir.Helper;
import dev.mimic.pcode.load.Mpb;

/**
 * The standard procedures on binary files ({@code file of T}): the buffer variable {@code f^}
 * follows the file variable's number byte, and pint's "buffer full" flag makes it lazy, so a
 * {@code get} after {@code f^} was looked at only marks the element consumed. Values are written
 * in their store representation (little-endian).
 */
public final class BinaryFiles {
    public static final Helper WRITE_BYTES = helper("writeBytes");
    public static final Helper WRITE_INTEGER = helper("writeInteger");
    public static final Helper WRITE_REAL = helper("writeReal");
    public static final Helper WRITE_BYTE = helper("writeByte");
    public static final Helper READ_BYTES = helper("readBytes");
    public static final Helper RESET = helper("reset");
    public static final Helper REWRITE = helper("rewrite");
    public static final Helper GET = helper("get");
    public static final Helper PUT = helper("put");
    public static final Helper EOF = helper("eof");
    public static final Helper BUFFER = helper("buffer");

    private BinaryFiles() {
    }

    private static Helper helper(String name) {
        return Helper.of(BinaryFiles.class, name, Effect.TOUCHES_MEMORY, Effect.MAY_FAULT);
    }

    /** Writes {@code length} bytes at {@code address} (a structured element). */
    public static void writeBytes(ExecutionContext ctx, int file, int address, int length) {
        PFile f = writable(ctx, file);
        for (int k = 0; k < length; k++) {
            f.write(ctx.memory.load8(address + k));
        }
    }

    public static void writeInteger(ExecutionContext ctx, int file, int value) {
        PFile f = writable(ctx, file);
        for (int k = 0; k < Mpb.INT_SIZE; k++) {
            f.write(value >>> (8 * k));
        }
    }

    public static void writeReal(ExecutionContext ctx, int file, double value) {
        PFile f = writable(ctx, file);
        long bits = Double.doubleToRawLongBits(value);
        for (int k = 0; k < Mpb.REAL_SIZE; k++) {
            f.write((int) (bits >>> (8 * k)));
        }
    }

    /** Writes a char, boolean or byte-sized value: one byte. */
    public static void writeByte(ExecutionContext ctx, int file, int value) {
        writable(ctx, file).write(value);
    }

    /** read(f, v): takes the buffered element if there is one, else the next from the file. */
    public static void readBytes(ExecutionContext ctx, int file, int address, int length) {
        PFile f = readable(ctx, file);
        if (f.bufferFull) {
            for (int k = 0; k < length; k++) {
                ctx.memory.store8(address + k, ctx.memory.load8(file + Mpb.FILE_ID_SIZE + k));
            }
            f.bufferFull = false;
            return;
        }
        read(f, ctx, address, length);
    }

    public static void reset(ExecutionContext ctx, int file) {
        PFile f = binary(ctx, file);
        if (f.mode == PFile.Mode.CLOSED && f.bound == null) {
            throw P5Error.FILE_NOT_OPEN.fault("cannot reset a file that was never written");
        }
        f.reset(false);
    }

    public static void rewrite(ExecutionContext ctx, int file) {
        binary(ctx, file).rewrite();
    }

    /** get(f) for elements of {@code size} bytes: consumes the buffered element, or skips the next one. */
    public static void get(ExecutionContext ctx, int file, int size) {
        PFile f = readable(ctx, file);
        if (TextFiles.runtime(ctx).varOverlaps(file + Mpb.FILE_ID_SIZE, file + Mpb.FILE_ID_SIZE + size - 1)) {
            throw P5Error.VAR_FILE_BUFFER.fault();
        }
        if (f.bufferFull) {
            f.bufferFull = false;
        } else {
            read(f, ctx, file + Mpb.FILE_ID_SIZE, size);
        }
    }

    /** put(f): writes the buffer variable, which must have been assigned. */
    public static void put(ExecutionContext ctx, int file, int size) {
        PFile f = writable(ctx, file);
        if (!f.bufferFull) {
            throw P5Error.BUFFER_UNDEFINED.fault();
        }
        for (int k = 0; k < size; k++) {
            f.write(ctx.memory.load8(file + Mpb.FILE_ID_SIZE + k));
        }
        f.bufferFull = false;
    }

    public static int eof(ExecutionContext ctx, int file) {
        PFile f = readable(ctx, file);
        return f.input().peek() < 0 && !f.bufferFull ? 1 : 0;
    }

    /** Makes {@code f^} valid: in read mode, loads the next element if it is not buffered yet. */
    public static void buffer(ExecutionContext ctx, int file, int size) {
        PFile f = binary(ctx, file);
        if (f.mode == PFile.Mode.READ && !f.bufferFull) {
            if (f.input().peek() < 0) {
                return;
            }
            read(f, ctx, file + Mpb.FILE_ID_SIZE, size);
        }
        f.bufferFull = true;
    }

    private static void read(PFile f, ExecutionContext ctx, int address, int length) {
        ByteInput in = f.input();
        for (int k = 0; k < length; k++) {
            int b = in.peek();
            if (b < 0) {
                throw P5Error.END_OF_FILE.fault();
            }
            in.skip();
            ctx.memory.store8(address + k, b);
        }
    }

    private static PFile binary(ExecutionContext ctx, int file) {
        PFile f = TextFiles.runtime(ctx).file(ctx.memory, file);
        if (f.number <= Mpb.PRR_FILE) {
            throw P5Error.FILE_OPERATION.fault("binary file operation on the text file " + f.name);
        }
        return f;
    }

    private static PFile writable(ExecutionContext ctx, int file) {
        PFile f = binary(ctx, file);
        if (f.mode != PFile.Mode.WRITE) {
            throw P5Error.FILE_NOT_WRITE_MODE.fault();
        }
        return f;
    }

    private static PFile readable(ExecutionContext ctx, int file) {
        PFile f = binary(ctx, file);
        if (f.mode != PFile.Mode.READ) {
            throw P5Error.FILE_NOT_READ_MODE.fault();
        }
        return f;
    }
}
