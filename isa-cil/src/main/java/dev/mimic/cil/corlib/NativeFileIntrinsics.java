package dev.mimic.cil.corlib;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.ir.ManagedObject;
import dev.mimic.cil.files.GuestFiles;
import dev.mimic.cil.files.IoError;
import dev.mimic.cil.model.RuntimeType;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * The functions of mono's {@code System.Native} library that mscorlib's Unix file code
 * ({@code System.IO.FileSystem}: File.Exists, File.Delete, Directory.Exists, CreateDirectory;
 * {@code FileSystemEnumerator}: Directory.GetFiles and the other listings) calls through P/Invoke. They reach the host only through the runtime's {@link GuestFiles} and
 * fail as the C functions do: -1 with the error number that {@code Marshal.GetLastWin32Error}
 * then returns, which mscorlib turns into mono's exception.
 */
public final class NativeFileIntrinsics {
    /** Linux error numbers for the failures {@link GuestFiles} reports. */
    private static final Map<Integer, Integer> ERRNO = Map.of(IoError.FILE_NOT_FOUND, 2, IoError.PATH_NOT_FOUND, 2,
            IoError.ACCESS_DENIED, 13, IoError.INVALID_HANDLE, 9, IoError.FILE_EXISTS, 17, IoError.ALREADY_EXISTS, 17,
            IoError.DIR_NOT_EMPTY, 39, IoError.INVALID_PARAMETER, 22, IoError.NOT_A_DIRECTORY, 20);
    /** Linux error numbers and their {@code Interop.Error} (PAL) values. */
    private static final Map<Integer, Integer> PAL = Map.of(1, 0x10042, 2, 0x1002D, 9, 0x10008, 13, 0x10002,
            17, 0x10014, 20, 0x10039, 21, 0x1001F, 22, 0x1001C, 39, 0x1003A);
    /** The file-type bits of a stat mode (S_IFDIR, S_IFREG, S_IFLNK). */
    private static final int DIRECTORY = 0x4000, REGULAR = 0x8000, LINK = 0xA000;
    /** A directory entry's type as readdir gives it ({@code Interop.Sys.NodeType}: DT_DIR, DT_REG, DT_LNK). */
    private static final int DT_DIR = 4, DT_REG = 8, DT_LNK = 10;
    /** sizeof(struct dirent) on x86-64 Linux: the buffer ReadDirR fills, enough for any name (255 bytes at most). */
    private static final int DIRENT_SIZE = 280;

    private NativeFileIntrinsics() {
    }

    private static GuestFiles files(ExecutionContext ctx) {
        return Text.rt(ctx).files();
    }

    /** -1 after recording {@code e}'s error number for GetLastWin32Error. */
    private static int fail(ExecutionContext ctx, IoError e) {
        files(ctx).failed(new IoError(ERRNO.getOrDefault(e.code(), 5)));
        return -1;
    }

    /** A file operation that returns nothing: it succeeds or throws. */
    private interface IoAction {
        void run() throws IoError;
    }

    /** Runs {@code action} as a C function: 0, or -1 with the error number recorded. */
    private static int attempt(ExecutionContext ctx, IoAction action) {
        try {
            action.run();
            return 0;
        } catch (IoError e) {
            return fail(ctx, e);
        }
    }

    /** A path given as {@code ref byte}, the first of its NUL-terminated UTF-8 bytes. */
    private static String path(ExecutionContext ctx, Object first) {
        return MemoryIntrinsics.utf8(ctx, Text.rt(ctx).memory().addressOf(first));
    }

    @Intrinsic("System.Runtime.InteropServices.Marshal::GetLastWin32Error()")
    public static int lastError(ExecutionContext ctx) {
        return files(ctx).lastError();
    }

    @Intrinsic("Interop+Sys::ConvertErrorPlatformToPal(int32)")
    public static int toPal(int errno) {
        return PAL.getOrDefault(errno, 0x10104);
    }

    @Intrinsic("Interop+Sys::ConvertErrorPalToPlatform(Interop/Error)")
    public static int fromPal(int pal) {
        return PAL.entrySet().stream().filter(e -> e.getValue() == pal).map(Map.Entry::getKey).findFirst().orElse(-1);
    }

    /** glibc's texts for the error numbers Mimic reports (facts of the C library's interface). */
    private static final Map<Integer, String> MESSAGES = Map.of(1, "Operation not permitted", 2, "No such file or directory",
            9, "Bad file descriptor", 13, "Permission denied", 17, "File exists", 20, "Not a directory",
            21, "Is a directory", 22, "Invalid argument", 39, "Directory not empty");

    /** strerror_r: the error's text, NUL-terminated, in the caller's buffer. */
    @Intrinsic("Interop+Sys::StrErrorR(int32,uint8*,int32)")
    public static long strError(ExecutionContext ctx, int errno, long buffer, int size) {
        byte[] text = MESSAGES.getOrDefault(errno, "Unknown error " + errno).getBytes(StandardCharsets.UTF_8);
        MemoryIntrinsics.storeCString(ctx, buffer, text, Math.min(text.length, size - 1));
        return buffer;
    }

    @Intrinsic({"Interop+Sys::Stat(uint8&,Interop/Sys/FileStatus&)", "Interop+Sys::LStat(uint8&,Interop/Sys/FileStatus&)"})
    public static int statBytes(ExecutionContext ctx, Object path, Object status) {
        return stat(ctx, path(ctx, path), status, false);
    }

    @Intrinsic("Interop+Sys::Stat(string,Interop/Sys/FileStatus&)")
    public static int stat(ExecutionContext ctx, Object path, Object status) {
        return stat(ctx, (String) path, status, false);
    }

    @Intrinsic("Interop+Sys::LStat(string,Interop/Sys/FileStatus&)")
    public static int lstat(ExecutionContext ctx, Object path, Object status) {
        return stat(ctx, (String) path, status, true);
    }

    private static int stat(ExecutionContext ctx, String path, Object status, boolean link) {
        try {
            BasicFileAttributes a = files(ctx).stat(path, link);
            ManagedObject s = (ManagedObject) status;
            RuntimeType type = Text.rt(ctx).typeOf(s);
            int kind = a.isDirectory() ? DIRECTORY : a.isSymbolicLink() ? LINK : REGULAR;
            set(s, type, "Mode", kind | 0644);
            set(s, type, "Size", a.size());
            long access = a.lastAccessTime().toMillis(), modified = a.lastModifiedTime().toMillis();
            set(s, type, "ATime", Math.floorDiv(access, 1000));
            set(s, type, "ATimeNsec", Math.floorMod(access, 1000) * 1_000_000L);
            set(s, type, "MTime", Math.floorDiv(modified, 1000));
            set(s, type, "MTimeNsec", Math.floorMod(modified, 1000) * 1_000_000L);
            set(s, type, "CTime", Math.floorDiv(modified, 1000));
            set(s, type, "CTimeNsec", Math.floorMod(modified, 1000) * 1_000_000L);
            return 0;
        } catch (IoError e) {
            return fail(ctx, e);
        }
    }

    private static void set(ManagedObject s, RuntimeType type, String field, long value) {
        s.primitives[type.field(field).cell().index()] = value;
    }

    @Intrinsic("Interop+Sys::Unlink(string)")
    public static int unlink(ExecutionContext ctx, Object path) {
        return attempt(ctx, () -> files(ctx).deleteFile((String) path));
    }

    @Intrinsic("Interop+Sys::MkDir(string,int32)")
    public static int mkdir(ExecutionContext ctx, Object path, int mode) {
        return attempt(ctx, () -> files(ctx).createDirectory((String) path));
    }

    @Intrinsic("Interop+Sys::RmDir(string)")
    public static int rmdir(ExecutionContext ctx, Object path) {
        return attempt(ctx, () -> files(ctx).removeDirectory((String) path));
    }

    @Intrinsic("Interop+Sys::Rename(string,string)")
    public static int rename(ExecutionContext ctx, Object from, Object to) {
        return attempt(ctx, () -> files(ctx).move((String) from, (String) to));
    }

    /**
     * The effective user and group: those {@link #stat} gives every file, so that the guest finds
     * its files its own (it may reach only what the host user may).
     */
    @Intrinsic({"Interop+Sys::GetEUid()", "Interop+Sys::GetEGid()"})
    public static int effectiveId() {
        return 0;
    }

    @Intrinsic("Interop+Sys::Link(string,string)")
    public static int link(ExecutionContext ctx, Object source, Object link) {
        return attempt(ctx, () -> files(ctx).link((String) source, (String) link));
    }

    @Intrinsic("Interop+Sys::CopyFile(Microsoft.Win32.SafeHandles.SafeFileHandle,Microsoft.Win32.SafeHandles.SafeFileHandle)")
    public static int copyFile(ExecutionContext ctx, Object source, Object target) {
        return attempt(ctx, () -> files(ctx).copyContents(handle(ctx, source), handle(ctx, target)));
    }

    /** The handle a SafeHandle wraps. */
    private static long handle(ExecutionContext ctx, Object safeHandle) {
        RuntimeType type = Text.rt(ctx).types().corlibType("System.Runtime.InteropServices", "SafeHandle");
        return ((ManagedObject) safeHandle).primitives[type.field("handle").cell().index()];
    }

    /** opendir: a handle for reading the folder's entries, or 0 with the error number recorded. */
    @Intrinsic("Interop+Sys::OpenDir(string)")
    public static long openDir(ExecutionContext ctx, Object path) {
        try {
            return files(ctx).openDirectory((String) path);
        } catch (IoError e) {
            fail(ctx, e);
            return 0;
        }
    }

    @Intrinsic("Interop+Sys::GetReadDirRBufferSize()")
    public static int readDirBufferSize() {
        return DIRENT_SIZE;
    }

    /**
     * readdir_r: the next entry, its NUL-terminated UTF-8 name in the caller's {@code buffer} (as
     * the C function keeps the entry there) and {@code entry} pointing at it; 0, or -1 at the end.
     */
    @Intrinsic("Interop+Sys::ReadDirR(native int,uint8*,int32,Interop/Sys/DirectoryEntry&)")
    public static int readDir(ExecutionContext ctx, long handle, long buffer, int size, Object entry) {
        ManagedObject e = (ManagedObject) entry;
        RuntimeType type = Text.rt(ctx).typeOf(e);
        Path next;
        try {
            next = files(ctx).findNext(handle);
        } catch (IoError error) {
            return ERRNO.getOrDefault(error.code(), 5);
        }
        if (next == null) {
            java.util.Arrays.fill(e.primitives, 0);
            return -1;
        }
        byte[] name = next.getFileName().toString().getBytes(StandardCharsets.UTF_8);
        if (name.length >= size) {
            return 22;
        }
        MemoryIntrinsics.storeCString(ctx, buffer, name, name.length);
        BasicFileAttributes a = files(ctx).attributes(next, LinkOption.NOFOLLOW_LINKS);
        set(e, type, "Name", buffer);
        set(e, type, "NameLength", name.length);
        set(e, type, "InodeType", a == null ? 0 : a.isDirectory() ? DT_DIR : a.isSymbolicLink() ? DT_LNK : DT_REG);
        return 0;
    }

    @Intrinsic("Interop+Sys::CloseDir(native int)")
    public static int closeDir(ExecutionContext ctx, long handle) {
        return files(ctx).findClose(handle) ? 0 : fail(ctx, new IoError(IoError.INVALID_HANDLE));
    }
}
