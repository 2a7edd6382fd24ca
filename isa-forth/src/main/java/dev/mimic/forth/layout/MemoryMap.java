package dev.mimic.forth.layout;

import java.util.Map;

/**
 * Where everything lives in the Forth machine's byte-addressed memory. Cells are 64 bits, as in
 * gforth on amd64, so programs, the Hayes test suites and differential tests against gforth see the
 * same number ranges; addresses are cell values like any other.
 *
 * <pre>
 *   0x0000_0000  zero page, never used (so 0 is not a plausible address of anything)
 *   0x0000_1000  system variables, word list structures and the host's fixed thread cells
 *   0x0000_2000  buffers: WORD, pictured numeric output, PAD, transient S" strings
 *   0x0000_8000  float stack   (grows down from F0; a guard band above F0 takes underflowing reads)
 *   0x0001_0000  data stack    (grows down from S0)
 *   0x0004_0000  return stack  (grows down from R0)
 *   0x0010_0000  dictionary    (grows up to the dictionary limit)
 *   limit..size  ALLOCATE heap
 * </pre>
 *
 * The stacks live in memory, not in Java arrays, so that the debugger shows them and SP@/RP@
 * addresses are real; compiled code keeps their tops in temporaries between synchronisation points.
 * Java code and the Forth kernel share these addresses: the kernel sees each system variable as a
 * word pushing its address (see {@link #VARIABLES}).
 */
public final class MemoryMap {
    private MemoryMap() {
    }

    /** Bytes per cell. */
    public static final int CELL = 8;

    // ---- system variables (one cell each) ----
    public static final long SYSTEM = 0x1000;
    public static final long STATE = SYSTEM;
    public static final long BASE = SYSTEM + 0x08;
    /** The dictionary pointer (HERE). */
    public static final long DP = SYSTEM + 0x10;
    /** The xt of the most recently defined word (RECURSE, IMMEDIATE, DOES>). */
    public static final long LAST = SYSTEM + 0x18;
    /** The compilation word list (a wid). */
    public static final long CURRENT = SYSTEM + 0x20;
    public static final long TO_IN = SYSTEM + 0x28;
    /** The current input buffer: address and length (SOURCE). */
    public static final long SOURCE_ADDR = SYSTEM + 0x30;
    public static final long SOURCE_LEN = SYSTEM + 0x38;
    /** SOURCE-ID: 0 the terminal, -1 a string, otherwise a file id. */
    public static final long SOURCE_ID = SYSTEM + 0x40;
    /** The return stack address of the innermost CATCH frame, 0 outside any. */
    public static final long HANDLER = SYSTEM + 0x48;
    public static final long HLD = SYSTEM + 0x50;
    /** The most recently created word list; each links to the one before (for MARKER and symbols). */
    public static final long VOCLINK = SYSTEM + 0x58;
    /** Non-zero: warn about redefinitions, as gforth does. */
    public static final long WARNING = SYSTEM + 0x60;
    /** The first address the dictionary may not reach (where the heap starts). */
    public static final long DICTIONARY_LIMIT = SYSTEM + 0x68;
    /** Number of word lists in the search order. */
    public static final long ORDER_COUNT = SYSTEM + 0x70;
    /** The search order, first searched first; {@link #MAX_ORDER} cells. */
    public static final long ORDER = SYSTEM + 0x78;
    public static final int MAX_ORDER = 16;

    /** The xt of the most recently created word that has a header (IMMEDIATE and friends set its flags). */
    public static final long LAST_HEADER = SYSTEM + 0x180;

    // ---- word lists: [latest xt][name xt or 0][previous word list] ----
    public static final long FORTH_WORDLIST = SYSTEM + 0x100;
    public static final long ROOT_WORDLIST = SYSTEM + 0x118;
    public static final long ENVIRONMENT_WORDLIST = SYSTEM + 0x130;
    public static final int WORDLIST_SIZE = 3 * CELL;

    // ---- thread cells the host enters ----
    /** A cell holding the xt of (halt): the return address of every host call. */
    public static final long HALT_THREAD = SYSTEM + 0x200;
    /** A cell holding the xt of THROW, followed by HALT: where faults become Forth exceptions. */
    public static final long THROW_THREAD = SYSTEM + 0x208;
    /** A cell holding the xt of the boot word (command line, then QUIT), followed by HALT. */
    public static final long BOOT_THREAD = SYSTEM + 0x218;

    // ---- buffers ----
    public static final long WORD_BUFFER = 0x2000;
    public static final int WORD_BUFFER_SIZE = 0x100;
    /** Pictured numeric output grows down from {@link #HOLD_END}. */
    public static final long HOLD_START = 0x2100;
    public static final long HOLD_END = 0x2400;
    public static final long PAD = 0x2400;
    public static final int PAD_SIZE = 0x400;
    /** S" in interpretation state cycles through these buffers. */
    public static final long TRANSIENT = 0x2800;
    public static final int TRANSIENT_SIZE = 0x400;
    public static final int TRANSIENT_COUNT = 4;

    // ---- stacks: cells live in [limit, base); the pointer at the base means empty. Above each
    // base a guard band (up to the next stack's limit) takes the reads a word makes before its
    // underflow is detected, when the pointer is written back. ----
    public static final long FLOAT_STACK_LIMIT = 0x8000;
    public static final long F0 = 0xF800;
    public static final long DATA_STACK_LIMIT = 0x10000;
    public static final long S0 = 0x3F800;
    public static final long RETURN_STACK_LIMIT = 0x40000;
    public static final long R0 = 0x5F800;

    /** Where the dictionary starts. */
    public static final long DICTIONARY = 0x100000;

    /** The smallest memory a machine can have: a dictionary of at least 1 MiB and a heap. */
    public static final int MIN_MEMORY = 4 << 20;

    /** Where the heap starts in a memory of {@code size} bytes: the last quarter is ALLOCATE's. */
    public static long heapStart(long size) {
        return (size - size / 4) & ~(long) (CELL - 1);
    }

    /**
     * The system variables and constants the kernel sees as words, by Forth name; each word pushes
     * the value (the address, for variables).
     */
    public static final Map<String, Long> VARIABLES = Map.ofEntries(
            Map.entry("state", STATE),
            Map.entry("base", BASE),
            Map.entry("dp", DP),
            Map.entry("last", LAST),
            Map.entry("last-header", LAST_HEADER),
            Map.entry("current", CURRENT),
            Map.entry(">in", TO_IN),
            Map.entry("'source", SOURCE_ADDR),
            Map.entry("#source", SOURCE_LEN),
            Map.entry("'source-id", SOURCE_ID),
            Map.entry("handler", HANDLER),
            Map.entry("hld", HLD),
            Map.entry("voclink", VOCLINK),
            Map.entry("warnings", WARNING),
            Map.entry("dictionary-limit", DICTIONARY_LIMIT),
            Map.entry("#order", ORDER_COUNT),
            Map.entry("context", ORDER),
            Map.entry("forth-wordlist", FORTH_WORDLIST),
            Map.entry("root-wordlist", ROOT_WORDLIST),
            Map.entry("environment-wordlist", ENVIRONMENT_WORDLIST),
            Map.entry("word-buffer", WORD_BUFFER),
            Map.entry("hold-start", HOLD_START),
            Map.entry("hold-end", HOLD_END),
            Map.entry("pad", PAD),
            Map.entry("transient", TRANSIENT),
            Map.entry("s0", S0),
            Map.entry("r0", R0),
            Map.entry("f0", F0),
            Map.entry("max-order", (long) MAX_ORDER),
            Map.entry("/pad", (long) PAD_SIZE),
            Map.entry("/hold", HOLD_END - HOLD_START),
            Map.entry("/transient", (long) TRANSIENT_SIZE),
            Map.entry("#transient", (long) TRANSIENT_COUNT),
            Map.entry("stack-cells", (S0 - DATA_STACK_LIMIT) / CELL),
            Map.entry("return-stack-cells", (R0 - RETURN_STACK_LIMIT) / CELL),
            Map.entry("float-stack-cells", (F0 - FLOAT_STACK_LIMIT) / CELL));
}
