package dev.mimic.forth.text;

import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.forth.exception.ForthError;
import dev.mimic.forth.exception.ThrowCode;
import dev.mimic.forth.layout.MemoryMap;
import dev.mimic.forth.runtime.Heap;
import dev.mimic.forth.runtime.Terminal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The input sources of the text interpreter (Forth-2012 2.1 "input source"): the terminal at the
 * bottom, and above it the strings being EVALUATEd and the files being INCLUDEd, innermost on top.
 * The current source is what the guest sees in its system variables (SOURCE, &gt;IN, SOURCE-ID);
 * pushing a source saves those and popping restores them, so nesting works the same from Forth
 * (EVALUATE, INCLUDED) and from the host.
 *
 * <p>Files are read whole when they are included and handed out line by line into a buffer taken
 * from the guest heap. The host keeps the names and line numbers, which error reports print.
 */
public final class InputSources {
    /** What kind of source a frame reads. */
    public enum Kind { TERMINAL, STRING, FILE }

    /** One input source, with the enclosing source's variables saved when it was pushed. */
    public static final class Frame {
        final Kind kind;
        final String name;
        final Path path;
        final long fileId;
        final long[] saved;
        byte[] content;
        int position;
        int lineStart;
        int line;
        long buffer;
        long capacity;
        /** The last name PARSE-NAME returned from this source: offset and length in SOURCE, for error reports. */
        int tokenStart = -1;
        int tokenLength;

        Frame(Kind kind, String name, Path path, long fileId, long[] saved) {
            this.kind = kind;
            this.name = name;
            this.path = path;
            this.fileId = fileId;
            this.saved = saved;
        }

        public Kind kind() {
            return kind;
        }

        public String name() {
            return name;
        }

        /** The current line number (1 for the first line; -1 for strings, as gforth shows them). */
        public int line() {
            return kind == Kind.STRING ? -1 : line;
        }
    }

    private final GuestMemory memory;
    private final Heap heap;
    private final Terminal terminal;
    private final Deque<Frame> frames = new ArrayDeque<>();

    public InputSources(GuestMemory memory, Heap heap, Terminal terminal) {
        this.memory = memory;
        this.heap = heap;
        this.terminal = terminal;
        reset();
    }

    /** Drops every source but the terminal, freeing their buffers, and empties the terminal's line. */
    public void reset() {
        while (frames.size() > 1) {
            release(frames.pop());
        }
        if (frames.isEmpty()) {
            frames.push(new Frame(Kind.TERMINAL, "*the terminal*", null, 0, null));
        }
        memory.store64(MemoryMap.SOURCE_ADDR, current().buffer);
        memory.store64(MemoryMap.SOURCE_LEN, 0);
        memory.store64(MemoryMap.TO_IN, 0);
        memory.store64(MemoryMap.SOURCE_ID, 0);
    }

    /** Forgets every source, the terminal's buffer included (the heap it came from was cleared). */
    public void clear() {
        frames.clear();
        reset();
    }

    public Frame current() {
        return frames.peek();
    }

    /** The sources from the innermost out. */
    public List<Frame> frames() {
        return new ArrayList<>(frames);
    }

    /** Makes the string at {@code addr} the input source (EVALUATE). */
    public void pushString(long addr, long length, String name) {
        Frame f = push(Kind.STRING, name, null, -1);
        memory.store64(MemoryMap.SOURCE_ADDR, addr);
        memory.store64(MemoryMap.SOURCE_LEN, length);
        memory.store64(MemoryMap.SOURCE_ID, -1);
    }

    /** Makes the lines of {@code content} the input source; REFILL reads the first. */
    public void pushFile(Path path, byte[] content, long fileId) {
        if (frames.size() > 64) {
            throw new ForthError(ThrowCode.FILE_IO, "includes nested too deeply");
        }
        Frame f = push(Kind.FILE, path.toString(), path, fileId);
        f.content = content;
        memory.store64(MemoryMap.SOURCE_ADDR, 0);
        memory.store64(MemoryMap.SOURCE_LEN, 0);
        memory.store64(MemoryMap.SOURCE_ID, fileId);
    }

    private Frame push(Kind kind, String name, Path path, long fileId) {
        long[] saved = {memory.load64(MemoryMap.SOURCE_ADDR), memory.load64(MemoryMap.SOURCE_LEN),
            memory.load64(MemoryMap.TO_IN), memory.load64(MemoryMap.SOURCE_ID)};
        Frame f = new Frame(kind, name, path, fileId, saved);
        frames.push(f);
        memory.store64(MemoryMap.TO_IN, 0);
        return f;
    }

    /** Returns to the source that was current when the innermost one was pushed. */
    public Frame pop() {
        if (frames.size() <= 1) {
            throw new ForthError(ThrowCode.UNSUPPORTED, "no input source to return to");
        }
        Frame f = frames.pop();
        release(f);
        memory.store64(MemoryMap.SOURCE_ADDR, f.saved[0]);
        memory.store64(MemoryMap.SOURCE_LEN, f.saved[1]);
        memory.store64(MemoryMap.TO_IN, f.saved[2]);
        memory.store64(MemoryMap.SOURCE_ID, f.saved[3]);
        return f;
    }

    private void release(Frame f) {
        if (f.buffer != 0) {
            heap.release(f.buffer);
            f.buffer = 0;
        }
    }

    /** REFILL: the next line of the current source; false for strings and at the end of input. */
    public boolean refill() {
        Frame f = current();
        byte[] line = switch (f.kind) {
            case STRING -> null;
            case TERMINAL -> terminal.readLine();
            case FILE -> nextLine(f);
        };
        if (line == null) {
            return false;
        }
        f.line++;
        f.tokenStart = -1;
        if (line.length > f.capacity) {
            if (f.buffer != 0) {
                heap.release(f.buffer);
            }
            f.capacity = Math.max(256, line.length * 2L);
            f.buffer = heap.reserve(f.capacity);
            if (f.buffer == 0) {
                throw new ForthError(ThrowCode.PARSED_STRING_OVERFLOW, "no heap space for an input line");
            }
        }
        memory.write(f.buffer, line, 0, line.length);
        memory.store64(MemoryMap.SOURCE_ADDR, f.buffer);
        memory.store64(MemoryMap.SOURCE_LEN, line.length);
        memory.store64(MemoryMap.TO_IN, 0);
        return true;
    }

    private static byte[] nextLine(Frame f) {
        if (f.position >= f.content.length) {
            return null;
        }
        int from = f.position;
        int to = from;
        while (to < f.content.length && f.content[to] != '\n') {
            to++;
        }
        f.lineStart = from;
        f.position = Math.min(to + 1, f.content.length + 1);
        int end = to > from && f.content[to - 1] == '\r' ? to - 1 : to;
        byte[] line = new byte[end - from];
        System.arraycopy(f.content, from, line, 0, line.length);
        return line;
    }

    /**
     * SAVE-INPUT's cells for the current source: &gt;IN, and for files where the current line
     * starts and its number, so RESTORE-INPUT can read it again.
     */
    public long[] save() {
        Frame f = current();
        long in = memory.load64(MemoryMap.TO_IN);
        return f.kind == Kind.FILE ? new long[] {f.lineStart, f.line, in} : new long[] {in};
    }

    /** RESTORE-INPUT; false when it cannot restore (the cells belong to another kind of source). */
    public boolean restore(long[] cells) {
        Frame f = current();
        if (f.kind == Kind.FILE) {
            if (cells.length != 3) {
                return false;
            }
            f.position = (int) cells[0];
            f.line = (int) cells[1] - 1;
            refill();
            memory.store64(MemoryMap.TO_IN, cells[2]);
            return true;
        }
        if (cells.length != 1) {
            return false;
        }
        memory.store64(MemoryMap.TO_IN, cells[0]);
        return true;
    }

    /** The directory relative names starting with ./ or ../ are resolved in: the including file's. */
    public Path directory() {
        for (Frame f : frames) {
            if (f.path != null) {
                Path parent = f.path.toAbsolutePath().getParent();
                return parent != null ? parent : Path.of("").toAbsolutePath();
            }
        }
        return Path.of("").toAbsolutePath();
    }

    /** The current line's text (SOURCE), for error reports. */
    public String sourceText() {
        int length = (int) Math.min(memory.load64(MemoryMap.SOURCE_LEN), 4096);
        byte[] bytes = new byte[Math.max(length, 0)];
        long addr = memory.load64(MemoryMap.SOURCE_ADDR);
        if (length > 0 && addr > 0 && addr + length <= memory.size()) {
            memory.read(addr, bytes, 0, length);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
