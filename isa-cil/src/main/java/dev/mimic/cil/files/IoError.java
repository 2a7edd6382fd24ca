package dev.mimic.cil.files;

/**
 * A failed file operation, carrying the Win32 error code mono's {@code MonoIOError} uses: the
 * class library turns the code into the exception and message mono raises for it
 * ({@code System.IO.MonoIO.GetException}), so Mimic only has to pick the right code.
 */
public final class IoError extends Exception {
    public static final int FILE_NOT_FOUND = 2;
    public static final int PATH_NOT_FOUND = 3;
    public static final int ACCESS_DENIED = 5;
    public static final int INVALID_HANDLE = 6;
    public static final int NO_MORE_FILES = 18;
    public static final int SHARING_VIOLATION = 32;
    public static final int FILE_EXISTS = 80;
    public static final int INVALID_PARAMETER = 87;
    public static final int DIR_NOT_EMPTY = 145;
    public static final int ALREADY_EXISTS = 183;
    public static final int NOT_A_DIRECTORY = 267;

    private final int code;

    public IoError(int code) {
        super(null, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
