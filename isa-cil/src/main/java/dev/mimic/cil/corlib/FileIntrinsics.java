package dev.mimic.cil.corlib;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.ir.ManagedObject;
import dev.mimic.cil.files.GuestFiles;
import dev.mimic.cil.files.IoError;
import dev.mimic.cil.model.RuntimeType;
import dev.mimic.cil.runtime.ManagedPointer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * {@code System.IO.MonoIO}, the internal calls all of mscorlib's file code (File, FileStream,
 * Directory, Path) ends in: each reaches the host only through the runtime's {@link GuestFiles},
 * and reports failure as mono does, a Win32 code in the {@code MonoIOError} out parameter from
 * which mscorlib's own CIL makes the exception. Paths arrive as {@code char*} into the pinned
 * string.
 */
public final class FileIntrinsics {
    /** .NET's FileAttributes bits (II: System.IO.FileAttributes). */
    private static final int READ_ONLY = 0x1, HIDDEN = 0x2, DIRECTORY = 0x10, NORMAL = 0x80;
    /** MonoFileType.Disk: every handle Mimic opens is a file. */
    private static final int DISK = 1;
    /** The FILETIME of the Unix epoch: 100 ns ticks since 1601-01-01. */
    private static final long EPOCH_FILETIME = 116_444_736_000_000_000L;

    private FileIntrinsics() {
    }

    private static GuestFiles files(ExecutionContext ctx) {
        return Text.rt(ctx).files();
    }

    /** The NUL-terminated UTF-16 string at {@code address}. */
    private static String string(ExecutionContext ctx, long address) {
        var memory = Text.rt(ctx).memory();
        StringBuilder s = new StringBuilder();
        for (long a = address;; a += 2) {
            char c = (char) memory.load(a, 2);
            if (c == 0) {
                return s.toString();
            }
            s.append(c);
        }
    }

    /** Stores the outcome in the error out parameter: 0 (ERROR_SUCCESS) or the failure's code. */
    private static int report(Object error, IoError failure) {
        ((ManagedPointer) error).store(failure == null ? 0 : failure.code());
        return failure == null ? 1 : 0;
    }

    /** A file operation that returns nothing: it succeeds or throws. */
    private interface IoAction {
        void run() throws IoError;
    }

    /** Runs {@code action}, reporting its outcome in the error out parameter; returns mono's bool. */
    private static int attempt(Object error, IoAction action) {
        try {
            action.run();
            return report(error, null);
        } catch (IoError e) {
            return report(error, e);
        }
    }

    /** A file operation with a result. */
    private interface IoValue {
        long get() throws IoError;
    }

    /** Runs {@code operation}, reporting its outcome in the error out parameter; returns its result or -1. */
    private static long value(Object error, IoValue operation) {
        try {
            long result = operation.get();
            report(error, null);
            return result;
        } catch (IoError e) {
            report(error, e);
            return -1;
        }
    }

    @Intrinsic("System.Environment::GetNewLine()")
    public static Object newLine() {
        return "\n";
    }

    @Intrinsic({"System.IO.MonoIO::get_DirectorySeparatorChar()", "System.IO.MonoIO::get_AltDirectorySeparatorChar()",
            "System.IO.MonoIO::get_VolumeSeparatorChar()"})
    public static int directorySeparator() {
        return '/';
    }

    @Intrinsic("System.IO.MonoIO::get_PathSeparator()")
    public static int pathSeparator() {
        return ':';
    }

    @Intrinsic("System.IO.Path::get_temp_path()")
    public static Object tempPath() {
        return "/tmp/";
    }

    @Intrinsic("System.IO.MonoIO::GetCurrentDirectory(System.IO.MonoIOError&)")
    public static Object currentDirectory(ExecutionContext ctx, Object error) {
        report(error, null);
        return files(ctx).currentDirectory();
    }

    @Intrinsic("System.IO.MonoIO::SetCurrentDirectory(char*,System.IO.MonoIOError&)")
    public static int setCurrentDirectory(ExecutionContext ctx, long path, Object error) {
        return attempt(error, () -> files(ctx).setCurrentDirectory(string(ctx, path)));
    }

    @Intrinsic("System.IO.MonoIO::Open(char*,System.IO.FileMode,System.IO.FileAccess,System.IO.FileShare,System.IO.FileOptions,System.IO.MonoIOError&)")
    public static long open(ExecutionContext ctx, long path, int mode, int access, int share, int options, Object error) {
        return value(error, () -> files(ctx).open(string(ctx, path), mode, access));
    }

    @Intrinsic("System.IO.MonoIO::Close(native int,System.IO.MonoIOError&)")
    public static int close(ExecutionContext ctx, long handle, Object error) {
        return attempt(error, () -> files(ctx).close(handle));
    }

    @Intrinsic("System.IO.MonoIO::Read(native int,uint8[],int32,int32,System.IO.MonoIOError&)")
    public static int read(ExecutionContext ctx, long handle, Object into, int offset, int count, Object error) {
        return (int) value(error, () -> files(ctx).read(handle, (byte[]) into, offset, count));
    }

    @Intrinsic("System.IO.MonoIO::Write(native int,uint8[],int32,int32,System.IO.MonoIOError&)")
    public static int write(ExecutionContext ctx, long handle, Object from, int offset, int count, Object error) {
        return (int) value(error, () -> files(ctx).write(handle, (byte[]) from, offset, count));
    }

    @Intrinsic("System.IO.MonoIO::Seek(native int,int64,System.IO.SeekOrigin,System.IO.MonoIOError&)")
    public static long seek(ExecutionContext ctx, long handle, long offset, int origin, Object error) {
        return value(error, () -> files(ctx).seek(handle, offset, origin));
    }

    @Intrinsic("System.IO.MonoIO::Flush(native int,System.IO.MonoIOError&)")
    public static int flush(ExecutionContext ctx, long handle, Object error) {
        return report(error, files(ctx).isOpen(handle) ? null : new IoError(IoError.INVALID_HANDLE));
    }

    @Intrinsic("System.IO.MonoIO::GetLength(native int,System.IO.MonoIOError&)")
    public static long length(ExecutionContext ctx, long handle, Object error) {
        return value(error, () -> files(ctx).length(handle));
    }

    @Intrinsic("System.IO.MonoIO::SetLength(native int,int64,System.IO.MonoIOError&)")
    public static int setLength(ExecutionContext ctx, long handle, long length, Object error) {
        return attempt(error, () -> files(ctx).setLength(handle, length));
    }

    @Intrinsic("System.IO.MonoIO::GetFileType(native int,System.IO.MonoIOError&)")
    public static int fileType(ExecutionContext ctx, long handle, Object error) {
        boolean open = files(ctx).isOpen(handle);
        report(error, open ? null : new IoError(IoError.INVALID_HANDLE));
        return open ? DISK : 0;
    }

    /** FileAttributes as mono derives them on Unix: a folder, hidden for a dot name, read-only when not writable. */
    private static int attributes(Path p, BasicFileAttributes a) {
        int bits = a.isDirectory() ? DIRECTORY : 0;
        if (p.getFileName() != null && p.getFileName().toString().startsWith(".")) {
            bits |= HIDDEN;
        }
        if (!Files.isWritable(p)) {
            bits |= READ_ONLY;
        }
        return bits == 0 ? NORMAL : bits;
    }

    @Intrinsic("System.IO.MonoIO::GetFileAttributes(char*,System.IO.MonoIOError&)")
    public static int fileAttributes(ExecutionContext ctx, long path, Object error) {
        try {
            Path p = files(ctx).resolve(string(ctx, path));
            BasicFileAttributes a = files(ctx).attributes(p);
            if (a == null) {
                report(error, new IoError(IoError.FILE_NOT_FOUND));
                return -1;
            }
            report(error, null);
            return attributes(p, a);
        } catch (IoError e) {
            report(error, e);
            return -1;
        }
    }

    @Intrinsic("System.IO.MonoIO::GetFileStat(char*,System.IO.MonoIOStat&,System.IO.MonoIOError&)")
    public static int fileStat(ExecutionContext ctx, long path, Object stat, Object error) {
        try {
            Path p = files(ctx).resolve(string(ctx, path));
            BasicFileAttributes a = files(ctx).attributes(p);
            if (a == null) {
                return report(error, new IoError(IoError.FILE_NOT_FOUND));
            }
            RuntimeType type = Text.rt(ctx).types().corlibType("System.IO", "MonoIOStat");
            ManagedObject s = (ManagedObject) stat;
            s.primitives[type.field("fileAttributes").cell().index()] = attributes(p, a);
            s.primitives[type.field("Length").cell().index()] = a.size();
            s.primitives[type.field("CreationTime").cell().index()] = fileTime(a.creationTime());
            s.primitives[type.field("LastAccessTime").cell().index()] = fileTime(a.lastAccessTime());
            s.primitives[type.field("LastWriteTime").cell().index()] = fileTime(a.lastModifiedTime());
            return report(error, null);
        } catch (IoError e) {
            return report(error, e);
        }
    }

    private static long fileTime(java.nio.file.attribute.FileTime t) {
        return EPOCH_FILETIME + t.toMillis() * 10_000;
    }

    @Intrinsic("System.IO.MonoIO::CreateDirectory(char*,System.IO.MonoIOError&)")
    public static int createDirectory(ExecutionContext ctx, long path, Object error) {
        return attempt(error, () -> files(ctx).createDirectory(string(ctx, path)));
    }

    @Intrinsic("System.IO.MonoIO::RemoveDirectory(char*,System.IO.MonoIOError&)")
    public static int removeDirectory(ExecutionContext ctx, long path, Object error) {
        return attempt(error, () -> files(ctx).removeDirectory(string(ctx, path)));
    }

    @Intrinsic("System.IO.MonoIO::DeleteFile(char*,System.IO.MonoIOError&)")
    public static int deleteFile(ExecutionContext ctx, long path, Object error) {
        return attempt(error, () -> files(ctx).deleteFile(string(ctx, path)));
    }

    @Intrinsic("System.IO.MonoIO::MoveFile(char*,char*,System.IO.MonoIOError&)")
    public static int moveFile(ExecutionContext ctx, long path, long destination, Object error) {
        return attempt(error, () -> files(ctx).move(string(ctx, path), string(ctx, destination)));
    }

    @Intrinsic("System.IO.MonoIO::CopyFile(char*,char*,bool,System.IO.MonoIOError&)")
    public static int copyFile(ExecutionContext ctx, long path, long destination, int overwrite, Object error) {
        return attempt(error, () -> files(ctx).copy(string(ctx, path), string(ctx, destination), overwrite != 0));
    }

    /** Stores a search's entry: its name and attributes. */
    private static void entry(Path p, GuestFiles files, Object name, Object attributes) {
        ((ManagedPointer) name).storeRef(p.getFileName().toString());
        BasicFileAttributes a = files.attributes(p);
        ((ManagedPointer) attributes).store(a == null ? NORMAL : attributes(p, a));
    }

    @Intrinsic("System.IO.MonoIO::FindFirstFile(char*,string&,int32&,int32&)")
    public static long findFirst(ExecutionContext ctx, long pattern, Object name, Object attributes, Object error) {
        try {
            Path[] first = new Path[1];
            long handle = files(ctx).findFirst(string(ctx, pattern), first);
            entry(first[0], files(ctx), name, attributes);
            report(error, null);
            return handle;
        } catch (IoError e) {
            report(error, e);
            return -1;
        }
    }

    @Intrinsic("System.IO.MonoIO::FindNextFile(native int,string&,int32&,int32&)")
    public static int findNext(ExecutionContext ctx, long handle, Object name, Object attributes, Object error) {
        try {
            Path next = files(ctx).findNext(handle);
            if (next == null) {
                return report(error, new IoError(IoError.NO_MORE_FILES));
            }
            entry(next, files(ctx), name, attributes);
            return report(error, null);
        } catch (IoError e) {
            return report(error, e);
        }
    }

    @Intrinsic("System.IO.MonoIO::FindCloseFile(native int)")
    public static int findClose(ExecutionContext ctx, long handle) {
        return files(ctx).findClose(handle) ? 1 : 0;
    }

    /**
     * Path.Join over spans (how directory listings build each entry's path; mscorlib's own builds
     * the string through string.Create, which Mimic's immutable strings cannot be written through):
     * the non-empty parts, a '/' between two when neither side has one.
     */
    @Intrinsic("System.IO.Path::Join(System.ReadOnlySpan`1<char>,System.ReadOnlySpan`1<char>)")
    public static Object joinTwo(ExecutionContext ctx, Object first, Object second) {
        return joinAll(ctx, new Object[] {first, second});
    }

    @Intrinsic("System.IO.Path::Join(System.ReadOnlySpan`1<char>,System.ReadOnlySpan`1<char>,System.ReadOnlySpan`1<char>)")
    public static Object joinThree(ExecutionContext ctx, Object first, Object second, Object third) {
        return joinAll(ctx, new Object[] {first, second, third});
    }

    private static String joinAll(ExecutionContext ctx, Object[] spans) {
        StringBuilder out = new StringBuilder();
        for (Object span : spans) {
            String part = (String) StringIntrinsics.fromSpan(ctx, span);
            if (part.isEmpty()) {
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '/' && part.charAt(0) != '/') {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }

    /**
     * Whether file names are case-sensitive, which mscorlib finds out by creating a probe file in
     * the temporary folder (outside any sandbox): they are, on the Linux file systems Mimic's
     * guest files live on, so the answer the probe would give is given without it.
     */
    @Intrinsic("System.IO.PathInternal::GetIsCaseSensitive()")
    public static int caseSensitiveNames() {
        return 1;
    }
}
