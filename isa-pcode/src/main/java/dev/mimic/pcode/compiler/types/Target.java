package dev.mimic.pcode.compiler.types;

/**
 * The machine parameters of the p-machine the compiler targets: Pascal-P5's 32-bit
 * configuration ({@code mpb32.inc}, shared by P5's pcom and pint). Every size, alignment and
 * frame offset the compiler emits comes from here, so the output loads on any interpreter built
 * with the same parameter block.
 */
public final class Target {
    public static final int INT_SIZE = 4;
    public static final int INT_ALIGN = 4;
    public static final int REAL_SIZE = 8;
    public static final int REAL_ALIGN = 4;
    public static final int CHAR_SIZE = 1;
    public static final int CHAR_ALIGN = 1;
    public static final int BOOL_SIZE = 1;
    public static final int BOOL_ALIGN = 1;
    public static final int PTR_SIZE = 4;
    public static final int ADR_ALIGN = 4;
    public static final int SET_SIZE = 32;
    public static final int SET_ALIGN = 1;
    /** A file variable holds its logical file number in one byte, then its buffer variable. */
    public static final int FILE_ID_SIZE = 1;
    public static final int FILE_ALIGN = CHAR_ALIGN;
    public static final int STACK_ALIGN = 4;
    /** The smallest unit on the expression stack: chars and booleans take a whole one. */
    public static final int STACK_ELEMENT = 4;
    public static final int RECORD_ALIGN = STACK_ALIGN;
    public static final int PARAM_ALIGN = STACK_ALIGN;

    public static final int SET_LOW = 0;
    public static final int SET_HIGH = 255;
    public static final int MAX_CHAR = 255;
    public static final int MAX_INT = Integer.MAX_VALUE;

    /** The mark stack below a frame pointer: function result, links, saved registers. */
    public static final int MARK_SIZE = 32;
    /** Offset of the 8-byte function result cell from the frame pointer. */
    public static final int MARK_FUNCTION_VALUE = -8;
    public static final int MAX_RESULT = REAL_SIZE;
    /** The value of {@code nil}; zero means "never assigned" to pint's pointer checks. */
    public static final int NIL_VALUE = 1;

    /** Global addresses of the header files pint recognises by address (pint: inputoff...). */
    public static final int INPUT_ADDRESS = 0;
    public static final int OUTPUT_ADDRESS = 2;
    public static final int PRD_ADDRESS = 4;
    public static final int PRR_ADDRESS = 6;
    /** First global address after the four predeclared text files. */
    public static final int FIRST_GLOBAL = 8;

    /** Default write field widths (pcom: intdeff, reldeff, chrdeff, boldeff). */
    public static final int DEFAULT_INT_WIDTH = 11;
    public static final int DEFAULT_REAL_WIDTH = 22;
    public static final int DEFAULT_CHAR_WIDTH = 1;
    public static final int DEFAULT_BOOL_WIDTH = 5;

    private Target() {
    }

    /** Rounds {@code address} up to a multiple of {@code alignment}. */
    public static int alignUp(int address, int alignment) {
        return Math.floorDiv(address + alignment - 1, alignment) * alignment;
    }

    /** Rounds {@code address} down to a multiple of {@code alignment} (frames grow downwards). */
    public static int alignDown(int address, int alignment) {
        return Math.floorDiv(address, alignment) * alignment;
    }
}
