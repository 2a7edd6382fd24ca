package dev.mimic.forth.exception;

/**
 * The exception codes of Forth-2012 table 9.1 that the host raises, and every standard code's
 * message as gforth prints it (so error reports read the same as gforth's).
 */
public final class ThrowCode {
    private ThrowCode() {
    }

    public static final int ABORT = -1;
    public static final int ABORT_QUOTE = -2;
    public static final int STACK_OVERFLOW = -3;
    public static final int STACK_UNDERFLOW = -4;
    public static final int RETURN_STACK_OVERFLOW = -5;
    public static final int RETURN_STACK_UNDERFLOW = -6;
    public static final int DICTIONARY_OVERFLOW = -8;
    public static final int INVALID_MEMORY = -9;
    public static final int DIVISION_BY_ZERO = -10;
    public static final int OUT_OF_RANGE = -11;
    public static final int UNDEFINED_WORD = -13;
    public static final int COMPILE_ONLY = -14;
    public static final int ZERO_LENGTH_NAME = -16;
    public static final int PARSED_STRING_OVERFLOW = -18;
    public static final int NAME_TOO_LONG = -19;
    public static final int UNSUPPORTED = -21;
    public static final int USER_INTERRUPT = -28;
    public static final int FILE_IO = -37;
    public static final int NO_SUCH_FILE = -38;
    public static final int FLOAT_STACK_OVERFLOW = -44;
    public static final int FLOAT_STACK_UNDERFLOW = -45;
    public static final int SEARCH_ORDER_OVERFLOW = -49;
    public static final int SEARCH_ORDER_UNDERFLOW = -50;

    private static final String[] MESSAGES = {
        "Aborted", null, "Stack overflow", "Stack underflow", "Return stack overflow", "Return stack underflow",
        "Do-loops nested too deeply", "Dictionary overflow", "Invalid memory address", "Division by zero",
        "Result out of range", "Argument type mismatch", "Undefined word", "Interpreting a compile-only word",
        "Invalid FORGET", "Attempt to use zero-length string as a name", "Pictured numeric ouput string overflow",
        "Parsed string overflow", "Word name too long", "Write to a read-only location", "Unsupported operation",
        "Control structure mismatch", "Address alignment exception", "Invalid numeric argument",
        "Return stack imbalance", "Loop parameters unavailable", "Invalid recursion", "User interrupt",
        "Compiler nesting", "Obsolescent feature", ">BODY used on non-CREATEd definition", "Invalid name argument",
        "Block read exception", "Block write exception", "Invalid block number", "Invalid file position",
        "File I/O exception", "Non-existent file", "Unexpected end of file",
        "Invalid BASE for floating point conversion", "Loss of precision", "Floating-point divide by zero",
        "Floating-point result out of range", "Floating-point stack overflow", "Floating-point stack underflow",
        "Floating-point invalid argument", "Compilation word list deleted", "invalid POSTPONE",
        "Search-order overflow", "Search-order underflow", "Compilation word list changed",
        "Control-flow stack overflow", "Exception stack overflow", "Floating-point underflow",
        "Floating-point unidentified fault", "QUIT", "Error in sending or receiving a character",
        "[IF], [ELSE], [THEN] error",
    };

    /** The message for exception {@code code} (-2's message is ABORT"'s own text, not known here). */
    public static String message(int code) {
        if (code < 0 && -code <= MESSAGES.length && MESSAGES[-code - 1] != null) {
            return MESSAGES[-code - 1];
        }
        return "error #" + code;
    }
}
