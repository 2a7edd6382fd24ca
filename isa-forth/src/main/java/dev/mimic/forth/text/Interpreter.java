package dev.mimic.forth.text;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.forth.debug.Decompiler;
import dev.mimic.forth.decode.PrimitiveTable;
import dev.mimic.forth.dictionary.Dictionary;
import dev.mimic.forth.exception.ForthError;
import dev.mimic.forth.exception.ThrowCode;
import dev.mimic.forth.layout.MemoryMap;
import dev.mimic.forth.runtime.Bytes;
import dev.mimic.forth.runtime.ForthRuntime;
import dev.mimic.forth.runtime.Stacks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.mimic.forth.layout.MemoryMap.CELL;

/**
 * The helpers of the text interpreter's primitives: parsing the input source, searching and
 * extending the dictionary, converting numbers, nesting input sources, and the error report. The
 * interpreter loop itself (INTERPRET, QUIT, EVALUATE, INCLUDED, the compiler) is Forth, in the
 * kernel; these are the pieces that are string processing on the host.
 */
public final class Interpreter {
    private Interpreter() {
    }

    // ---- parsing ----

    private static boolean blank(int c) {
        return c <= ' ';
    }

    /** PARSE-NAME ( -- c-addr u ): the next blank-delimited name; &gt;IN moves past it and one delimiter. */
    public static void parseName(ExecutionContext ctx) {
        ForthRuntime rt = ForthRuntime.of(ctx);
        long[] name = nextName(rt);
        rt.stacks().push(name[0]);
        rt.stacks().push(name[1]);
    }

    /**
     * The next name of the input source as {address, length} (length 0 at the end of the line),
     * remembered as the token an error report marks. The bootstrap interpreter parses with it too.
     */
    public static long[] nextName(ForthRuntime rt) {
        GuestMemory m = rt.memory();
        long addr = m.load64(MemoryMap.SOURCE_ADDR);
        long length = m.load64(MemoryMap.SOURCE_LEN);
        long in = Math.max(0, m.load64(MemoryMap.TO_IN));
        while (in < length && blank(m.load8(addr + in))) {
            in++;
        }
        long start = in;
        while (in < length && !blank(m.load8(addr + in))) {
            in++;
        }
        m.store64(MemoryMap.TO_IN, in < length ? in + 1 : in);
        InputSources.Frame f = rt.sources().current();
        f.tokenStart = (int) start;
        f.tokenLength = (int) (in - start);
        return new long[] {addr + start, in - start};
    }

    /** PARSE ( char -- c-addr u ): the text up to the delimiter, which &gt;IN moves past. */
    public static void parse(ExecutionContext ctx) {
        ForthRuntime rt = ForthRuntime.of(ctx);
        GuestMemory m = ctx.memory;
        int delimiter = (int) (rt.stacks().pop() & 0xFF);
        long addr = m.load64(MemoryMap.SOURCE_ADDR);
        long length = m.load64(MemoryMap.SOURCE_LEN);
        long start = Math.min(Math.max(0, m.load64(MemoryMap.TO_IN)), length);
        long end = start;
        while (end < length && m.load8(addr + end) != delimiter) {
            end++;
        }
        m.store64(MemoryMap.TO_IN, end < length ? end + 1 : end);
        rt.stacks().push(addr + start);
        rt.stacks().push(end - start);
    }

    /**
     * WORD ( char -- c-addr ): skips leading delimiters (with BL, any blank), copies the word to the
     * WORD buffer as a counted string followed by a blank.
     */
    public static long word(ExecutionContext ctx, long delimiter) {
        GuestMemory m = ctx.memory;
        int d = (int) (delimiter & 0xFF);
        long addr = m.load64(MemoryMap.SOURCE_ADDR);
        long length = m.load64(MemoryMap.SOURCE_LEN);
        long in = Math.max(0, m.load64(MemoryMap.TO_IN));
        while (in < length && delimits(m.load8(addr + in), d)) {
            in++;
        }
        long start = in;
        while (in < length && !delimits(m.load8(addr + in), d)) {
            in++;
        }
        m.store64(MemoryMap.TO_IN, in < length ? in + 1 : in);
        int n = (int) Math.min(in - start, MemoryMap.WORD_BUFFER_SIZE - 2);
        byte[] text = Bytes.read(m, addr + start, n);
        m.store8(MemoryMap.WORD_BUFFER, n);
        m.write(MemoryMap.WORD_BUFFER + 1, text, 0, n);
        m.store8(MemoryMap.WORD_BUFFER + 1 + n, ' ');
        return MemoryMap.WORD_BUFFER;
    }

    private static boolean delimits(int c, int delimiter) {
        return delimiter == ' ' ? blank(c) : c == delimiter;
    }

    // ---- the dictionary ----

    /** FIND-NAME ( c-addr u -- xt | 0 ) in the search order. */
    public static long findName(ExecutionContext ctx, long addr, long length) {
        return ForthRuntime.of(ctx).dictionary().find(Bytes.read(ctx.memory, addr, length));
    }

    /** SEARCH-WORDLIST ( c-addr u wid -- 0 | xt 1 | xt -1 ) */
    public static void searchWordlist(ExecutionContext ctx) {
        ForthRuntime rt = ForthRuntime.of(ctx);
        Stacks s = rt.stacks();
        long wid = s.pop();
        long length = s.pop();
        long xt = rt.dictionary().search(wid, Bytes.read(ctx.memory, s.pop(), length));
        if (xt == 0) {
            s.push(0);
        } else {
            s.push(xt);
            s.push(rt.dictionary().isImmediate(xt) ? 1 : -1);
        }
    }

    /**
     * (HEADER) ( c-addr u kind -- xt ): a new word in the compilation word list. Like gforth, it
     * says "redefined NAME" when the word list already has one of that name.
     */
    public static long header(ExecutionContext ctx, long addr, long length, long kind) {
        ForthRuntime rt = ForthRuntime.of(ctx);
        byte[] name = Bytes.read(ctx.memory, addr, Math.min(length, Dictionary.MAX_NAME + 1));
        Dictionary d = rt.dictionary();
        if (ctx.memory.load64(MemoryMap.WARNING) != 0 && name.length > 0
                && d.search(ctx.memory.load64(MemoryMap.CURRENT), name) != 0) {
            rt.terminal().error("redefined " + new String(name, StandardCharsets.ISO_8859_1) + "  ");
        }
        return d.header(name, kind);
    }

    /** ALLOT ( n -- ) */
    public static void allot(ExecutionContext ctx, long bytes) {
        ForthRuntime.of(ctx).dictionary().allot(bytes);
    }

    /** (DOES&gt;): makes the latest word a DOES&gt; word whose does-code starts at {@code code}. */
    public static void does(ExecutionContext ctx, long code) {
        long xt = ctx.memory.load64(MemoryMap.LAST);
        ctx.memory.store64(xt, PrimitiveTable.get().opcode("dodoes"));
        ctx.memory.store64(xt + CELL, code);
    }

    // ---- numbers ----

    /** NUMBER? ( c-addr u -- 0 | n 1 | d 2 ) in BASE, gforth's number syntax. */
    public static void numberQuery(ExecutionContext ctx) {
        Stacks s = ForthRuntime.of(ctx).stacks();
        long length = s.pop();
        byte[] text = Bytes.read(ctx.memory, s.pop(), length);
        NumberConversion.Number n = NumberConversion.convert(text, ctx.memory.load64(MemoryMap.BASE));
        if (n == null) {
            s.push(0);
        } else if (n.isDouble()) {
            s.push(n.low());
            s.push(n.high());
            s.push(2);
        } else {
            s.push(n.low());
            s.push(1);
        }
    }

    /** &gt;NUMBER ( ud1 c-addr1 u1 -- ud2 c-addr2 u2 ) */
    public static void toNumber(ExecutionContext ctx) {
        Stacks s = ForthRuntime.of(ctx).stacks();
        long length = s.pop();
        long addr = s.pop();
        long hi = s.pop();
        long lo = s.pop();
        long base = ctx.memory.load64(MemoryMap.BASE);
        while (length > 0) {
            int d = NumberConversion.digit(ctx.memory.load8(addr), base);
            if (d < 0) {
                break;
            }
            long[] next = NumberConversion.accumulate(lo, hi, base, d);
            lo = next[0];
            hi = next[1];
            addr++;
            length--;
        }
        s.push(lo);
        s.push(hi);
        s.push(addr);
        s.push(length);
    }

    // ---- input sources ----

    /** REFILL ( -- flag ) */
    public static long refill(ExecutionContext ctx) {
        return Stacks.flag(ForthRuntime.of(ctx).sources().refill());
    }

    /** (EVALUATE-SOURCE) ( c-addr u -- ) */
    public static void evaluateSource(ExecutionContext ctx, long addr, long length) {
        ForthRuntime.of(ctx).sources().pushString(addr, length, "*evaluated string*");
    }

    /** (INCLUDE-SOURCE) ( c-addr u -- ): opens a file to include; a missing file throws -38. */
    public static void includeSource(ExecutionContext ctx, long addr, long length) {
        ForthRuntime rt = ForthRuntime.of(ctx);
        Path path = resolve(rt, new String(Bytes.read(ctx.memory, addr, length), StandardCharsets.UTF_8));
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ForthError(ThrowCode.NO_SUCH_FILE, path + ": " + ThrowCode.message(ThrowCode.NO_SUCH_FILE));
        }
        rt.included().add(path);
        rt.sources().pushFile(path, content, rt.files().newId());
    }

    /** (FILEID-SOURCE) ( fileid -- ): the rest of an open file becomes the input source (INCLUDE-FILE). */
    public static void fileidSource(ExecutionContext ctx, long fileId) {
        ForthRuntime rt = ForthRuntime.of(ctx);
        byte[] content;
        try {
            content = rt.files().remainder(fileId);
        } catch (IOException e) {
            throw new ForthError(ThrowCode.FILE_IO);
        }
        if (content == null) {
            throw new ForthError(ThrowCode.FILE_IO, "file id " + fileId + " is not open");
        }
        rt.sources().pushFile(Path.of("*file " + fileId + "*"), content, fileId);
    }

    /** (POP-SOURCE): back to the enclosing source; a file INCLUDE-FILE read is closed. */
    public static void popSource(ExecutionContext ctx) {
        ForthRuntime rt = ForthRuntime.of(ctx);
        InputSources.Frame f = rt.sources().pop();
        if (f.kind() == InputSources.Kind.FILE) {
            rt.files().close(f.fileId);
        }
    }

    /** (INCLUDED?) ( c-addr u -- flag ) */
    public static long includedQuery(ExecutionContext ctx, long addr, long length) {
        ForthRuntime rt = ForthRuntime.of(ctx);
        return Stacks.flag(rt.included().contains(resolve(rt, new String(Bytes.read(ctx.memory, addr, length), StandardCharsets.UTF_8))));
    }

    /**
     * Where an included file name leads, as in gforth: names starting with ./ or ../ are relative
     * to the including file's directory, other relative names to the working directory.
     */
    static Path resolve(ForthRuntime rt, String name) {
        Path path = name.startsWith("./") || name.startsWith("../") ? rt.sources().directory().resolve(name) : Path.of(name);
        return path.toAbsolutePath().normalize();
    }

    /** (RESET-SOURCES): back to the terminal (after an error at the top level). */
    public static void resetSources(ExecutionContext ctx) {
        ForthRuntime.of(ctx).sources().reset();
    }

    /** SAVE-INPUT ( -- xn ... x1 n ) */
    public static void saveInput(ExecutionContext ctx) {
        Stacks s = ForthRuntime.of(ctx).stacks();
        long[] cells = ForthRuntime.of(ctx).sources().save();
        for (long c : cells) {
            s.push(c);
        }
        s.push(cells.length);
    }

    /** RESTORE-INPUT ( xn ... x1 n -- flag ): the flag is true when the input could not be restored. */
    public static void restoreInput(ExecutionContext ctx) {
        Stacks s = ForthRuntime.of(ctx).stacks();
        int n = (int) Math.max(0, Math.min(s.pop(), 16));
        long[] cells = new long[n];
        for (int i = n - 1; i >= 0; i--) {
            cells[i] = s.pop();
        }
        s.push(Stacks.flag(!ForthRuntime.of(ctx).sources().restore(cells)));
    }

    /** (NEXT-ARGUMENT) ( -- c-addr u kind | 0 ): 1 for a file to include, 2 for text to evaluate. */
    public static void nextArgument(ExecutionContext ctx) {
        ForthRuntime rt = ForthRuntime.of(ctx);
        ForthRuntime.Argument a = rt.nextArgument();
        if (a == null) {
            rt.stacks().push(0);
            return;
        }
        byte[] text = a.text().getBytes(StandardCharsets.UTF_8);
        long at = rt.heap().reserve(text.length);
        ctx.memory.write(at, text, 0, text.length);
        rt.stacks().push(at);
        rt.stacks().push(text.length);
        rt.stacks().push(a.isFile() ? 1 : 2);
    }

    // ---- errors ----

    /** (CAPTURE-ERROR) ( n -- n ) */
    public static void captureError(ExecutionContext ctx, long code) {
        ForthRuntime rt = ForthRuntime.of(ctx);
        rt.errors().capture(rt.sources());
    }

    /** (REPORT-ERROR) ( n -- ): prints the report on stderr. */
    public static void reportError(ExecutionContext ctx, long code) {
        ForthRuntime rt = ForthRuntime.of(ctx);
        rt.terminal().error(rt.errors().format((int) code));
        rt.errors().clear();
    }

    /** (RETHROWING) */
    public static void rethrowing(ExecutionContext ctx) {
        ForthRuntime.of(ctx).errors().rethrowing();
    }

    /** (ABORT-MESSAGE) ( c-addr u -- ) */
    public static void abortMessage(ExecutionContext ctx, long addr, long length) {
        ForthRuntime.of(ctx).errors().abortMessage(new String(Bytes.read(ctx.memory, addr, length), StandardCharsets.UTF_8));
    }

    // ---- tools ----

    /** WORDS: the names in the first word list of the search order, latest first. */
    public static void words(ExecutionContext ctx) {
        ForthRuntime rt = ForthRuntime.of(ctx);
        Dictionary d = rt.dictionary();
        StringBuilder line = new StringBuilder();
        StringBuilder all = new StringBuilder();
        for (long xt : d.searchOrder().isEmpty() ? List.<Long>of() : d.words(d.searchOrder().get(0))) {
            if ((d.info(xt) & Dictionary.HIDDEN) != 0) {
                continue;
            }
            String name = d.name(xt);
            if (line.length() + name.length() > 78) {
                all.append(line).append('\n');
                line.setLength(0);
            }
            line.append(name).append(' ');
        }
        all.append(line);
        rt.terminal().print(all + "\n");
    }

    /** (SEE) ( xt -- ) */
    public static void see(ExecutionContext ctx, long xt) {
        ForthRuntime.of(ctx).terminal().print(new Decompiler(ctx.memory).see(xt));
    }
}
