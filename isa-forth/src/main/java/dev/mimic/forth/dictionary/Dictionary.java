package dev.mimic.forth.dictionary;

import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.forth.exception.ForthError;
import dev.mimic.forth.exception.ThrowCode;
import dev.mimic.forth.layout.MemoryMap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.mimic.forth.layout.MemoryMap.CELL;

/**
 * The host's view of the dictionary in guest memory: creating headers, appending cells, searching
 * word lists. The Forth kernel manipulates the same structures with @ and !, so this class holds no
 * state of its own; it is what the bootstrap, the interpreter's helpers and the debugger share.
 *
 * <p>A word's header, around its execution token xt:
 * <pre>
 *   xt - 16 - n'   name characters, n' = length rounded up to a cell
 *   xt - 16        link: the xt of the previous word of the same word list, 0 at the end
 *   xt - 8         info: name length (low byte) | {@link #IMMEDIATE} | {@link #HIDDEN} | {@link #COMPILE_ONLY}
 *   xt             code field: the kind (an opcode of forth.isa)
 *   xt + 8         second code field cell: the does-code address of a DOES> word
 *   xt + 16        body (&gt;BODY)
 * </pre>
 * A word list ({@code wid}) is three cells: the latest xt, the xt of the word list's name (0 when
 * it has none), and the previously created word list. Names are found case-insensitively (ASCII),
 * as in gforth; hidden words (a colon definition being compiled) are not found.
 */
public final class Dictionary {
    public static final long IMMEDIATE = 0x100;
    public static final long HIDDEN = 0x200;
    public static final long COMPILE_ONLY = 0x400;
    /** Longest name a header can hold (its length is one byte). */
    public static final int MAX_NAME = 255;
    /** Offset of the body from the xt. */
    public static final int BODY = 2 * CELL;

    private final GuestMemory memory;

    public Dictionary(GuestMemory memory) {
        this.memory = memory;
    }

    public GuestMemory memory() {
        return memory;
    }

    // ---- data space ----

    public long here() {
        return memory.load64(MemoryMap.DP);
    }

    /** Reserves {@code bytes} of data space; throws {@link ForthError} -8 when the dictionary is full. */
    public long allot(long bytes) {
        long at = here();
        long end = at + bytes;
        if (end > memory.load64(MemoryMap.DICTIONARY_LIMIT) || end < MemoryMap.DICTIONARY) {
            throw new ForthError(ThrowCode.DICTIONARY_OVERFLOW);
        }
        memory.store64(MemoryMap.DP, end);
        return at;
    }

    public void comma(long cell) {
        memory.store64(allot(CELL), cell);
    }

    public void align() {
        long at = here();
        allot(aligned(at) - at);
    }

    public static long aligned(long address) {
        return (address + CELL - 1) & -CELL;
    }

    // ---- headers ----

    /**
     * Creates a word named {@code name} of code field kind {@code kind} in the compilation word
     * list (CURRENT), makes it the latest word and returns its xt. The body starts at HERE.
     */
    public long header(byte[] name, long kind) {
        if (name.length == 0) {
            throw new ForthError(ThrowCode.ZERO_LENGTH_NAME);
        }
        if (name.length > MAX_NAME) {
            throw new ForthError(ThrowCode.NAME_TOO_LONG);
        }
        align();
        long start = allot(aligned(name.length));
        memory.write(start, name, 0, name.length);
        long wid = memory.load64(MemoryMap.CURRENT);
        comma(memory.load64(wid));
        comma(name.length);
        long xt = here();
        comma(kind);
        comma(0);
        memory.store64(wid, xt);
        memory.store64(MemoryMap.LAST, xt);
        memory.store64(MemoryMap.LAST_HEADER, xt);
        return xt;
    }

    public long kind(long xt) {
        return memory.load64(xt);
    }

    public long info(long xt) {
        return memory.load64(xt - CELL);
    }

    public void setInfo(long xt, long info) {
        memory.store64(xt - CELL, info);
    }

    public long link(long xt) {
        return memory.load64(xt - 2 * CELL);
    }

    public boolean isImmediate(long xt) {
        return (info(xt) & IMMEDIATE) != 0;
    }

    public boolean isCompileOnly(long xt) {
        return (info(xt) & COMPILE_ONLY) != 0;
    }

    /** The name of the word whose header ends at xt. */
    public String name(long xt) {
        int length = (int) (info(xt) & 0xFF);
        byte[] bytes = new byte[length];
        memory.read(xt - 2 * CELL - aligned(length), bytes, 0, length);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    // ---- word lists and the search order ----

    /** The word lists of the search order, first searched first. */
    public List<Long> searchOrder() {
        int n = (int) Math.min(memory.load64(MemoryMap.ORDER_COUNT), MemoryMap.MAX_ORDER);
        List<Long> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(memory.load64(MemoryMap.ORDER + (long) i * CELL));
        }
        return order;
    }

    /** Finds {@code name} in the search order; 0 when it is not there. */
    public long find(byte[] name) {
        for (long wid : searchOrder()) {
            long xt = search(wid, name);
            if (xt != 0) {
                return xt;
            }
        }
        return 0;
    }

    /** Finds {@code name} in word list {@code wid}; 0 when it is not there. */
    public long search(long wid, byte[] name) {
        int length = name.length;
        for (long xt = memory.load64(wid); xt != 0; xt = link(xt)) {
            long info = info(xt);
            if ((info & 0xFF) == length && (info & HIDDEN) == 0 && sameName(xt - 2 * CELL - aligned(length), name)) {
                return xt;
            }
        }
        return 0;
    }

    private boolean sameName(long at, byte[] name) {
        for (int i = 0; i < name.length; i++) {
            if (lower(memory.load8(at + i)) != lower(name[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    /** Every word list, most recently created first. */
    public List<Long> wordlists() {
        List<Long> all = new ArrayList<>();
        for (long wid = memory.load64(MemoryMap.VOCLINK); wid != 0 && all.size() < 4096; wid = memory.load64(wid + 2 * CELL)) {
            all.add(wid);
        }
        return all;
    }

    /** The xts of word list {@code wid}, latest first (hidden ones included). */
    public List<Long> words(long wid) {
        List<Long> xts = new ArrayList<>();
        for (long xt = memory.load64(wid); xt != 0 && xts.size() < 1 << 20; xt = link(xt)) {
            xts.add(xt);
        }
        return xts;
    }

    /** Creates an empty word list at {@code wid} and links it into the list of all word lists. */
    public void initWordlist(long wid) {
        memory.store64(wid, 0);
        memory.store64(wid + CELL, 0);
        memory.store64(wid + 2 * CELL, memory.load64(MemoryMap.VOCLINK));
        memory.store64(MemoryMap.VOCLINK, wid);
    }
}
