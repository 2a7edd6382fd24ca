package dev.mimic.pcode.runtime;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.ir.Effect;
import dev.mimic.backend.ir.Helper;
import dev.mimic.pcode.load.Mpb;

/**
 * The standard procedures on text files (ISO 7185 6.9), as helpers the decoder calls for
 * {@code csp}: get, put, reset, rewrite, read, readln, write, writeln, page, eof and eoln. Each
 * takes the address of the file variable; chars are bytes (ISO 8859-1). Reads skip blanks and
 * line ends before numbers (6.9.1).
 */
public final class TextFiles {
    public static final Helper GET = helper("get");
    public static final Helper PUT = helper("put");
    public static final Helper READLN = helper("readln");
    public static final Helper WRITELN = helper("writeln");
    public static final Helper WRITE_STRING = helper("writeString");
    public static final Helper EOLN = helper("eoln");
    public static final Helper WRITE_INTEGER = helper("writeInteger");
    public static final Helper WRITE_REAL = helper("writeReal");
    public static final Helper WRITE_CHAR = helper("writeChar");
    public static final Helper READ_INTEGER = helper("readInteger");
    public static final Helper READ_REAL = helper("readReal");
    public static final Helper READ_CHAR = helper("readChar");
    public static final Helper PAGE = helper("page");
    public static final Helper RESET = helper("reset");
    public static final Helper REWRITE = helper("rewrite");
    public static final Helper WRITE_BOOLEAN = helper("writeBoolean");
    public static final Helper WRITE_FIXED = helper("writeFixed");
    public static final Helper READ_INTEGER_CHECKED = helper("readIntegerChecked");
    public static final Helper READ_CHAR_CHECKED = helper("readCharChecked");
    public static final Helper EOF = helper("eof");
    public static final Helper BUFFER = helper("buffer");

    private TextFiles() {
    }

    private static Helper helper(String name) {
        return Helper.of(TextFiles.class, name, Effect.TOUCHES_MEMORY, Effect.MAY_FAULT);
    }

    public static void get(ExecutionContext ctx, int file) {
        P5Runtime rt = runtime(ctx);
        TextInput in = text(rt.forReading(ctx.memory, file, "get", true));
        if (rt.varOverlaps(file + Mpb.FILE_ID_SIZE, file + Mpb.FILE_ID_SIZE)) {
            throw P5Error.VAR_FILE_BUFFER.fault();
        }
        if (in.eof()) {
            throw P5Error.END_OF_FILE.fault();
        }
        in.skip();
    }

    public static void put(ExecutionContext ctx, int file) {
        runtime(ctx).forWriting(ctx.memory, file, "put").write(ctx.memory.load8(file + Mpb.FILE_ID_SIZE));
    }

    public static void readln(ExecutionContext ctx, int file) {
        TextInput in = text(runtime(ctx).forReading(ctx.memory, file, "readln", true));
        if (in.eof()) {
            throw P5Error.END_OF_FILE.fault();
        }
        while (!in.eof() && !in.eoln()) {
            in.skip();
        }
        in.skip();
    }

    public static void writeln(ExecutionContext ctx, int file) {
        runtime(ctx).forWriting(ctx.memory, file, "writeln").write('\n');
    }

    /** Writes {@code length} chars at {@code address} in a field of {@code width}. */
    public static void writeString(ExecutionContext ctx, int file, int address, int width, int length) {
        PFile f = writable(ctx, file, width);
        TextFormat.padding(f, length, width);
        for (int k = 0, n = Math.min(width, length); k < n; k++) {
            f.write(ctx.memory.load8(address + k));
        }
    }

    public static int eoln(ExecutionContext ctx, int file) {
        TextInput in = text(runtime(ctx).forReading(ctx.memory, file, "eoln", true));
        if (in.eof()) {
            throw P5Error.END_OF_FILE.fault("eoln at end of file");
        }
        return in.eoln() ? 1 : 0;
    }

    public static void writeInteger(ExecutionContext ctx, int file, int value, int width) {
        TextFormat.integer(writable(ctx, file, width), value, width);
    }

    public static void writeReal(ExecutionContext ctx, int file, double value, int width) {
        TextFormat.floating(writable(ctx, file, width), value, width);
    }

    public static void writeChar(ExecutionContext ctx, int file, int c, int width) {
        TextFormat.character(writable(ctx, file, width), c, width);
    }

    public static void writeBoolean(ExecutionContext ctx, int file, int value, int width) {
        TextFormat.bool(writable(ctx, file, width), value != 0, width);
    }

    public static void writeFixed(ExecutionContext ctx, int file, double value, int width, int fraction) {
        PFile f = writable(ctx, file, width);
        if (fraction < 1) {
            throw P5Error.FRACTION.fault();
        }
        TextFormat.fixed(f, value, width, fraction);
    }

    public static void readInteger(ExecutionContext ctx, int file, int address) {
        ctx.memory.store32(address, integer(ctx, file));
    }

    public static void readIntegerChecked(ExecutionContext ctx, int file, int address, int low, int high) {
        int v = integer(ctx, file);
        if (v < low || v > high) {
            throw P5Error.READ_OUT_OF_RANGE.fault();
        }
        ctx.memory.store32(address, v);
    }

    public static void readReal(ExecutionContext ctx, int file, int address) {
        TextInput in = text(runtime(ctx).forReading(ctx.memory, file, "read", true));
        StringBuilder s = new StringBuilder();
        skipBlanks(in);
        if (in.peek() == '+' || in.peek() == '-') {
            s.append((char) in.peek());
            in.skip();
        }
        digits(in, s, P5Error.INVALID_REAL);
        if (in.peek() == '.') {
            s.append('.');
            in.skip();
            digits(in, s, P5Error.INVALID_REAL);
        }
        if (in.peek() == 'e' || in.peek() == 'E') {
            s.append('e');
            in.skip();
            if (in.peek() == '+' || in.peek() == '-') {
                s.append((char) in.peek());
                in.skip();
            }
            digits(in, s, P5Error.INVALID_REAL);
        }
        double r = Double.parseDouble(s.toString());
        if (Double.isInfinite(r)) {
            throw P5Error.INPUT_OVERFLOW.fault();
        }
        ctx.memory.store64(address, Double.doubleToRawLongBits(r));
    }

    public static void readChar(ExecutionContext ctx, int file, int address) {
        ctx.memory.store8(address, character(ctx, file));
    }

    public static void readCharChecked(ExecutionContext ctx, int file, int address, int low, int high) {
        int c = character(ctx, file);
        if (c < low || c > high) {
            throw P5Error.READ_OUT_OF_RANGE.fault();
        }
        ctx.memory.store8(address, c);
    }

    public static void page(ExecutionContext ctx, int file) {
        runtime(ctx).forWriting(ctx.memory, file, "page").write('\f');
    }

    public static void reset(ExecutionContext ctx, int file) {
        PFile f = runtime(ctx).file(ctx.memory, file);
        switch (f.number) {
            case Mpb.INPUT_FILE, Mpb.OUTPUT_FILE, Mpb.PRR_FILE -> throw P5Error.FILE_OPERATION.fault("reset on " + f.name + " file");
            case Mpb.PRD_FILE -> P5Runtime.requireBound(f);
            default -> { }
        }
        f.reset(true);
    }

    public static void rewrite(ExecutionContext ctx, int file) {
        PFile f = runtime(ctx).file(ctx.memory, file);
        switch (f.number) {
            case Mpb.INPUT_FILE, Mpb.OUTPUT_FILE, Mpb.PRD_FILE -> throw P5Error.FILE_OPERATION.fault("rewrite on " + f.name + " file");
            case Mpb.PRR_FILE -> P5Runtime.requireBound(f);
            default -> { }
        }
        f.rewrite();
    }

    public static int eof(ExecutionContext ctx, int file) {
        P5Runtime rt = runtime(ctx);
        PFile f = rt.file(ctx.memory, file);
        return switch (f.number) {
            case Mpb.INPUT_FILE, Mpb.PRD_FILE -> text(rt.forReading(ctx.memory, file, "eof", true)).eof() ? 1 : 0;
            case Mpb.OUTPUT_FILE, Mpb.PRR_FILE -> throw P5Error.FILE_OPERATION.fault("eof on " + f.name + " file");
            default -> switch (f.mode) {
                case WRITE -> 1;
                case READ -> f.input().peek() < 0 && !f.bufferFull ? 1 : 0;
                case CLOSED -> throw P5Error.FILE_NOT_OPEN.fault();
            };
        };
    }

    /** Makes the buffer variable {@code f^} hold the current char (a blank at the end of a line or file). */
    public static void buffer(ExecutionContext ctx, int file) {
        P5Runtime rt = runtime(ctx);
        PFile f = rt.file(ctx.memory, file);
        if (f.number == Mpb.INPUT_FILE || f.number == Mpb.PRD_FILE) {
            f = rt.forReading(ctx.memory, file, "read", true);
        }
        if (f.mode == PFile.Mode.READ && f.input() instanceof TextInput in) {
            int c = in.peek();
            ctx.memory.store8(file + Mpb.FILE_ID_SIZE, c < 0 || c == '\n' ? ' ' : c);
        }
    }

    private static int integer(ExecutionContext ctx, int file) {
        TextInput in = text(runtime(ctx).forReading(ctx.memory, file, "read", true));
        skipBlanks(in);
        boolean negative = in.peek() == '-';
        if (in.peek() == '+' || in.peek() == '-') {
            in.skip();
        }
        if (!isDigit(in.peek())) {
            throw P5Error.INVALID_INTEGER.fault();
        }
        int value = 0;
        while (isDigit(in.peek())) {
            int d = in.peek() - '0';
            if (value > (Mpb.MAX_INT - d) / 10) {
                throw P5Error.INPUT_OVERFLOW.fault();
            }
            value = value * 10 + d;
            in.skip();
        }
        return negative ? -value : value;
    }

    private static int character(ExecutionContext ctx, int file) {
        TextInput in = text(runtime(ctx).forReading(ctx.memory, file, "read", true));
        if (in.eof()) {
            throw P5Error.END_OF_FILE.fault();
        }
        int c = in.peek();
        in.skip();
        return c == '\n' ? ' ' : c;
    }

    /** Skips blanks and line ends before a number; the end of the file there is an error. */
    private static void skipBlanks(TextInput in) {
        while (in.peek() == ' ' || in.peek() == '\t' || in.peek() == '\n') {
            in.skip();
        }
        if (in.eof()) {
            throw P5Error.END_OF_FILE.fault();
        }
    }

    private static void digits(TextInput in, StringBuilder s, P5Error error) {
        if (!isDigit(in.peek())) {
            throw error.fault();
        }
        while (isDigit(in.peek())) {
            s.append((char) in.peek());
            in.skip();
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static PFile writable(ExecutionContext ctx, int file, int width) {
        PFile f = runtime(ctx).forWriting(ctx.memory, file, "write");
        if (width < 1) {
            throw P5Error.WIDTH.fault();
        }
        return f;
    }

    private static TextInput text(PFile f) {
        if (f.input() instanceof TextInput in) {
            return in;
        }
        throw P5Error.FILE_OPERATION.fault("text operation on " + f.name + ", which was reset as a binary file");
    }

    static P5Runtime runtime(ExecutionContext ctx) {
        return (P5Runtime) ctx.machine;
    }
}
