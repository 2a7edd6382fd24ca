package dev.mimic.pcode.load;

/**
 * The machine parameter block of the p-machine: Pascal-P5's 32-bit configuration
 * ({@code mpb32.inc}, shared by pcom and pint), little-endian. Every size, frame offset and
 * store address the loader, the decoder and the runtime agree on is here, because a P5
 * intermediate file is only meaningful against the parameter block it was compiled for.
 *
 * <p>The store is one byte array laid out as in pint: code from address 0, then globals, then the
 * heap growing up, free space, the stack growing down, and the constants at the top.
 */
public final class Mpb {
    public static final int INT_SIZE = 4;
    public static final int REAL_SIZE = 8;
    public static final int ADR_SIZE = 4;
    public static final int SET_SIZE = 32;
    public static final int SET_HIGH = 255;
    /** Bytes of the logical file number that starts every file variable; its buffer follows. */
    public static final int FILE_ID_SIZE = 1;
    public static final int MAX_INT = Integer.MAX_VALUE;

    /** Size of a frame mark; the mark lies just below a frame's mp. */
    public static final int MARK_SIZE = 32;
    /** Function result (8 bytes; integers and addresses use its upper half, {@link #MARK_FV_INT}). */
    public static final int MARK_FV = -8;
    public static final int MARK_FV_INT = -4;
    /** Static link. */
    public static final int MARK_SL = -12;
    /** Dynamic link (the caller's mp). */
    public static final int MARK_DL = -16;
    /** The caller's ep. */
    public static final int MARK_EP = -20;
    /** Stack bottom after the locals were allocated, for the stack balance check and gotos. */
    public static final int MARK_SB = -24;
    /** This frame's ep, for interprocedural gotos. */
    public static final int MARK_ET = -28;
    /** Return address. */
    public static final int MARK_RA = -32;

    /** The value of {@code nil}: zero means "never assigned" to the pointer checks. */
    public static final int NIL = 1;
    /** The startup code (mst, cup, stp) fills addresses 0..8; the program's code starts here. */
    public static final int BEGIN_CODE = 9;
    /** The code length of ujp, the stride of an xjp jump table. */
    public static final int UJP_LENGTH = 5;

    /** Offsets from the globals base of the header files pint knows by address. */
    public static final int INPUT_OFFSET = 0;
    public static final int OUTPUT_OFFSET = 2;
    public static final int PRD_OFFSET = 4;
    public static final int PRR_OFFSET = 6;
    /** Logical file numbers of the header files; others are allocated from {@code PRR_FILE + 1}. */
    public static final int INPUT_FILE = 1;
    public static final int OUTPUT_FILE = 2;
    public static final int PRD_FILE = 3;
    public static final int PRR_FILE = 4;
    public static final int MAX_FILES = 100;

    /** pint's store: 16 MiB, addresses 0..16777215. */
    public static final int STORE_SIZE = 1 << 24;
    /**
     * Granularity of code-write tracking. The globals start and the stack ends on page boundaries
     * so that writing data never looks like writing code.
     */
    public static final int PAGE_SHIFT = 12;
    public static final int PAGE_SIZE = 1 << PAGE_SHIFT;

    private Mpb() {
    }

    /** Rounds {@code address} up to a multiple of {@code alignment}. */
    public static int alignUp(int address, int alignment) {
        return Math.floorDiv(address + alignment - 1, alignment) * alignment;
    }

    /** Rounds {@code address} down to a multiple of {@code alignment}. */
    public static int alignDown(int address, int alignment) {
        return Math.floorDiv(address, alignment) * alignment;
    }
}
