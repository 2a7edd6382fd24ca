package dev.mimic.forth.runtime;

import dev.mimic.backend.exec.ExecutionContext;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The File-Access word set (Forth-2012 11) over host files. A file id is a number the host hands
 * out (never reused); ids 1 and 2 are stdout and stderr for WRITE-FILE and WRITE-LINE. Access
 * methods: 0 read-only, 1 write-only, 2 read/write, with 4 (BIN) ignored. An ior is 0 for
 * success, -38 for a file that does not exist and -37 for any other I/O error.
 */
public final class FileWords {
    private static final long NO_SUCH_FILE = -38;
    private static final long IO_ERROR = -37;
    public static final long STDOUT = 1;
    public static final long STDERR = 2;

    private final Map<Long, RandomAccessFile> open = new HashMap<>();
    private long nextId = 8;

    /** A fresh file id (also used for included files, which SOURCE-ID must tell apart). */
    public long newId() {
        return nextId++;
    }

    /** The rest of open file {@code id} from its current position, or null if it is not open. */
    public byte[] remainder(long id) throws IOException {
        RandomAccessFile f = open.get(id);
        if (f == null) {
            return null;
        }
        byte[] bytes = new byte[(int) (f.length() - f.getFilePointer())];
        f.readFully(bytes);
        return bytes;
    }

    /** Closes every open file (at reset). */
    public void closeAll() {
        for (RandomAccessFile f : open.values()) {
            try {
                f.close();
            } catch (IOException ignored) {
                // Closing is best effort when the whole machine is reset; nothing is lost by a failure.
            }
        }
        open.clear();
    }

    /** CLOSE-FILE for the host (INCLUDE-FILE closes its file at the end). */
    public long close(long id) {
        RandomAccessFile f = open.remove(id);
        if (f == null) {
            return IO_ERROR;
        }
        try {
            f.close();
            return 0;
        } catch (IOException e) {
            return IO_ERROR;
        }
    }

    private static String name(ExecutionContext ctx, Stacks s) {
        long u = s.pop();
        return new String(Bytes.read(ctx.memory, s.pop(), u), StandardCharsets.UTF_8);
    }

    private static long ior(IOException e) {
        return e instanceof NoSuchFileException || e instanceof FileNotFoundException ? NO_SUCH_FILE : IO_ERROR;
    }

    private static void openFile(ExecutionContext ctx, boolean create) {
        ForthRuntime rt = ForthRuntime.of(ctx);
        Stacks s = rt.stacks();
        long fam = s.pop() & 3;
        String name = name(ctx, s);
        try {
            Path path = Path.of(name);
            if (!create && !Files.exists(path)) {
                throw new NoSuchFileException(name);
            }
            RandomAccessFile f = new RandomAccessFile(path.toFile(), fam == 0 ? "r" : "rw");
            if (create) {
                f.setLength(0);
            }
            long id = rt.files().newId();
            rt.files().open.put(id, f);
            s.push(id);
            s.push(0);
        } catch (IOException | RuntimeException e) {
            s.push(0);
            s.push(e instanceof IOException io ? ior(io) : IO_ERROR);
        }
    }

    /** OPEN-FILE ( c-addr u fam -- fileid ior ) */
    public static void openExisting(ExecutionContext ctx) {
        openFile(ctx, false);
    }

    /** CREATE-FILE ( c-addr u fam -- fileid ior ) */
    public static void create(ExecutionContext ctx) {
        openFile(ctx, true);
    }

    /** CLOSE-FILE ( fileid -- ior ) */
    public static void closeFile(ExecutionContext ctx) {
        ForthRuntime rt = ForthRuntime.of(ctx);
        rt.stacks().push(rt.files().close(rt.stacks().pop()));
    }

    /** READ-FILE ( c-addr u1 fileid -- u2 ior ) */
    public static void read(ExecutionContext ctx) {
        ForthRuntime rt = ForthRuntime.of(ctx);
        Stacks s = rt.stacks();
        RandomAccessFile f = rt.files().open.get(s.pop());
        long u = s.pop();
        long at = s.pop();
        if (f == null) {
            s.push(0);
            s.push(IO_ERROR);
            return;
        }
        try {
            byte[] bytes = new byte[(int) Math.max(0, Math.min(u, Integer.MAX_VALUE - 16))];
            int n = Math.max(0, f.read(bytes));
            ctx.memory.write(at, bytes, 0, n);
            s.push(n);
            s.push(0);
        } catch (IOException e) {
            s.push(0);
            s.push(IO_ERROR);
        }
    }

    /** READ-LINE ( c-addr u1 fileid -- u2 flag ior ): flag is false at the end of the file. */
    public static void readLine(ExecutionContext ctx) {
        ForthRuntime rt = ForthRuntime.of(ctx);
        Stacks s = rt.stacks();
        RandomAccessFile f = rt.files().open.get(s.pop());
        long u = s.pop();
        long at = s.pop();
        if (f == null) {
            s.push(0);
            s.push(0);
            s.push(IO_ERROR);
            return;
        }
        try {
            int n = 0;
            int c = f.read();
            if (c < 0) {
                s.push(0);
                s.push(0);
                s.push(0);
                return;
            }
            while (c >= 0 && c != '\n' && n < u) {
                if (c != '\r') {
                    ctx.memory.store8(at + n++, c);
                }
                c = n < u ? f.read() : -1;
            }
            s.push(n);
            s.push(-1);
            s.push(0);
        } catch (IOException e) {
            s.push(0);
            s.push(0);
            s.push(IO_ERROR);
        }
    }

    private static long write(ExecutionContext ctx, long id, byte[] bytes) {
        ForthRuntime rt = ForthRuntime.of(ctx);
        if (id == STDOUT) {
            rt.terminal().write(bytes);
            return 0;
        }
        if (id == STDERR) {
            rt.terminal().error(new String(bytes, StandardCharsets.UTF_8));
            return 0;
        }
        RandomAccessFile f = rt.files().open.get(id);
        if (f == null) {
            return IO_ERROR;
        }
        try {
            f.write(bytes);
            return 0;
        } catch (IOException e) {
            return IO_ERROR;
        }
    }

    /** WRITE-FILE ( c-addr u fileid -- ior ) */
    public static void writeFile(ExecutionContext ctx) {
        Stacks s = ForthRuntime.of(ctx).stacks();
        long id = s.pop();
        long u = s.pop();
        s.push(write(ctx, id, Bytes.read(ctx.memory, s.pop(), u)));
    }

    /** WRITE-LINE ( c-addr u fileid -- ior ) */
    public static void writeLine(ExecutionContext ctx) {
        Stacks s = ForthRuntime.of(ctx).stacks();
        long id = s.pop();
        long u = s.pop();
        byte[] text = Bytes.read(ctx.memory, s.pop(), u);
        byte[] line = Arrays.copyOf(text, text.length + 1);
        line[text.length] = '\n';
        s.push(write(ctx, id, line));
    }

    private interface FileOperation {
        long apply(RandomAccessFile f) throws IOException;
    }

    /** Pops a file id, applies {@code op} and pushes its result as a double (when asked) and the ior. */
    private static void onFile(ExecutionContext ctx, boolean result, FileOperation op) {
        ForthRuntime rt = ForthRuntime.of(ctx);
        Stacks s = rt.stacks();
        RandomAccessFile f = rt.files().open.get(s.pop());
        long value = 0;
        long ior = IO_ERROR;
        if (f != null) {
            try {
                value = op.apply(f);
                ior = 0;
            } catch (IOException e) {
                ior = IO_ERROR;
            }
        }
        if (result) {
            s.push(value);
            s.push(0);
        }
        s.push(ior);
    }

    /** FILE-POSITION ( fileid -- ud ior ) */
    public static void position(ExecutionContext ctx) {
        onFile(ctx, true, RandomAccessFile::getFilePointer);
    }

    /** FILE-SIZE ( fileid -- ud ior ) */
    public static void size(ExecutionContext ctx) {
        onFile(ctx, true, RandomAccessFile::length);
    }

    /** FLUSH-FILE ( fileid -- ior ) */
    public static void flush(ExecutionContext ctx) {
        onFile(ctx, false, f -> {
            f.getFD().sync();
            return 0;
        });
    }

    /** REPOSITION-FILE ( ud fileid -- ior ) */
    public static void reposition(ExecutionContext ctx) {
        onFileAt(ctx, RandomAccessFile::seek);
    }

    /** RESIZE-FILE ( ud fileid -- ior ) */
    public static void resize(ExecutionContext ctx) {
        onFileAt(ctx, RandomAccessFile::setLength);
    }

    private interface PositionOperation {
        void apply(RandomAccessFile f, long position) throws IOException;
    }

    /** ( ud fileid -- ior ): applies {@code op} at the low cell of {@code ud} (files stay below 2^63 bytes). */
    private static void onFileAt(ExecutionContext ctx, PositionOperation op) {
        Stacks s = ForthRuntime.of(ctx).stacks();
        long id = s.pop();
        s.pop();
        long position = s.pop();
        s.push(id);
        onFile(ctx, false, f -> {
            op.apply(f, position);
            return 0;
        });
    }

    /** DELETE-FILE ( c-addr u -- ior ) */
    public static void delete(ExecutionContext ctx) {
        Stacks s = ForthRuntime.of(ctx).stacks();
        String name = name(ctx, s);
        try {
            Files.delete(Path.of(name));
            s.push(0);
        } catch (IOException e) {
            s.push(ior(e));
        }
    }

    /** RENAME-FILE ( c-addr1 u1 c-addr2 u2 -- ior ) */
    public static void rename(ExecutionContext ctx) {
        Stacks s = ForthRuntime.of(ctx).stacks();
        String to = name(ctx, s);
        String from = name(ctx, s);
        try {
            Files.move(Path.of(from), Path.of(to), StandardCopyOption.REPLACE_EXISTING);
            s.push(0);
        } catch (IOException e) {
            s.push(ior(e));
        }
    }

    /** FILE-STATUS ( c-addr u -- x ior ): x is 0; the ior says whether the file exists. */
    public static void status(ExecutionContext ctx) {
        Stacks s = ForthRuntime.of(ctx).stacks();
        boolean exists = Files.exists(Path.of(name(ctx, s)));
        s.push(0);
        s.push(exists ? 0 : NO_SUCH_FILE);
    }
}
