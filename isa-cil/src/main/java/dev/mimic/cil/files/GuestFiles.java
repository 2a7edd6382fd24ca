package dev.mimic.cil.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The host's files as a guest program sees them, the only way its file operations reach the host:
 * paths resolve against the guest's current directory, open files are numbered handles, and
 * every failure is an {@link IoError} with the code mono would report. With a sandbox, any path
 * that resolves outside it (after {@code ..} and symbolic links) fails with
 * {@link IoError#ACCESS_DENIED} before the host is touched, as a file the user may not read fails
 * under mono.
 */
public final class GuestFiles {
    /** Handles start high, so that a small integer (or 0, or -1) is never a valid one. */
    private static final long FIRST_HANDLE = 0x1000;

    private final Path sandbox;
    private Path current;
    private final Map<Long, FileChannel> open = new HashMap<>();
    private final Map<Long, Iterator<Path>> searches = new HashMap<>();
    private long nextHandle = FIRST_HANDLE;
    private int lastError;

    /**
     * Files relative to {@code current}; {@code sandbox}, when not null, is the only folder whose
     * contents the guest may reach.
     */
    public GuestFiles(Path current, Path sandbox) throws IOException {
        this.current = current.toAbsolutePath().normalize();
        this.sandbox = sandbox == null ? null : sandbox.toRealPath();
    }

    /** The Win32 code of the last failed call through {@link #failed}, as {@code Marshal.GetLastWin32Error} reads it. */
    public int lastError() {
        return lastError;
    }

    /** Records {@code e} as the last error and returns it. */
    public IoError failed(IoError e) {
        lastError = e.code();
        return e;
    }

    /** The guest's current directory, as {@code Directory.GetCurrentDirectory} reports it. */
    public String currentDirectory() {
        return current.toString();
    }

    public void setCurrentDirectory(String path) throws IoError {
        Path p = resolve(path);
        if (!Files.isDirectory(p)) {
            throw new IoError(Files.exists(p) ? IoError.INVALID_PARAMETER : IoError.PATH_NOT_FOUND);
        }
        current = p;
    }

    /**
     * The host path a guest path names: absolute, normalised, and inside the sandbox if there is
     * one. A path whose parent does not exist is checked as far as it exists, symbolic links
     * followed, and then by name.
     */
    public Path resolve(String guestPath) throws IoError {
        if (guestPath.isEmpty() || guestPath.indexOf('\0') >= 0) {
            throw new IoError(IoError.INVALID_PARAMETER);
        }
        Path p;
        try {
            p = current.resolve(guestPath).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new IoError(IoError.INVALID_PARAMETER);
        }
        if (sandbox != null && !real(p).startsWith(sandbox)) {
            throw new IoError(IoError.ACCESS_DENIED);
        }
        return p;
    }

    /** {@code p} with the symbolic links of its longest existing prefix resolved. */
    private static Path real(Path p) {
        Path existing = p;
        List<Path> rest = new ArrayList<>();
        while (existing != null) {
            try {
                Path r = existing.toRealPath();
                for (int i = rest.size() - 1; i >= 0; i--) {
                    r = r.resolve(rest.get(i));
                }
                return r.normalize();
            } catch (IOException e) {
                rest.add(existing.getFileName());
                existing = existing.getParent();
            }
        }
        return p;
    }

    /**
     * Opens a file with .NET's {@code FileMode} (1 CreateNew .. 6 Append) and {@code FileAccess}
     * (1 read, 2 write, 3 both); returns its handle.
     */
    public long open(String path, int mode, int access) throws IoError {
        Path p = resolve(path);
        if (Files.isDirectory(p)) {
            throw new IoError(IoError.ACCESS_DENIED);
        }
        Set<OpenOption> options = new HashSet<>();
        if ((access & 1) != 0) {
            options.add(StandardOpenOption.READ);
        }
        if ((access & 2) != 0) {
            options.add(StandardOpenOption.WRITE);
        }
        switch (mode) {
            case 1 -> options.add(StandardOpenOption.CREATE_NEW);
            case 2 -> {
                options.add(StandardOpenOption.CREATE);
                options.add(StandardOpenOption.TRUNCATE_EXISTING);
            }
            case 4, 6 -> options.add(StandardOpenOption.CREATE);
            case 5 -> options.add(StandardOpenOption.TRUNCATE_EXISTING);
            default -> {
            }
        }
        try {
            FileChannel channel = FileChannel.open(p, options);
            if (mode == 6) {
                channel.position(channel.size());
            }
            long handle = nextHandle++;
            open.put(handle, channel);
            return handle;
        } catch (IOException e) {
            throw error(e, p);
        }
    }

    private FileChannel channel(long handle) throws IoError {
        FileChannel c = open.get(handle);
        if (c == null) {
            throw new IoError(IoError.INVALID_HANDLE);
        }
        return c;
    }

    /** True when {@code handle} is a file this object opened. */
    public boolean isOpen(long handle) {
        return open.containsKey(handle);
    }

    /** Reads up to {@code count} bytes into {@code into} at {@code offset}; 0 at the end of the file. */
    public int read(long handle, byte[] into, int offset, int count) throws IoError {
        try {
            int n = channel(handle).read(ByteBuffer.wrap(into, offset, count));
            return Math.max(n, 0);
        } catch (IOException e) {
            throw new IoError(IoError.ACCESS_DENIED);
        }
    }

    public int write(long handle, byte[] from, int offset, int count) throws IoError {
        try {
            ByteBuffer b = ByteBuffer.wrap(from, offset, count);
            FileChannel c = channel(handle);
            while (b.hasRemaining()) {
                c.write(b);
            }
            return count;
        } catch (IOException e) {
            throw new IoError(IoError.ACCESS_DENIED);
        }
    }

    /** Moves the position ({@code origin}: 0 from the start, 1 from the current position, 2 from the end). */
    public long seek(long handle, long offset, int origin) throws IoError {
        try {
            FileChannel c = channel(handle);
            long base = switch (origin) {
                case 0 -> 0;
                case 1 -> c.position();
                case 2 -> c.size();
                default -> throw new IoError(IoError.INVALID_PARAMETER);
            };
            if (base + offset < 0) {
                throw new IoError(IoError.INVALID_PARAMETER);
            }
            c.position(base + offset);
            return base + offset;
        } catch (IOException e) {
            throw new IoError(IoError.INVALID_HANDLE);
        }
    }

    public long length(long handle) throws IoError {
        try {
            return channel(handle).size();
        } catch (IOException e) {
            throw new IoError(IoError.INVALID_HANDLE);
        }
    }

    public void setLength(long handle, long length) throws IoError {
        try {
            FileChannel c = channel(handle);
            if (length < c.size()) {
                c.truncate(length);
            } else if (length > c.size()) {
                c.write(ByteBuffer.allocate(1), length - 1);
            }
        } catch (IOException e) {
            throw new IoError(IoError.ACCESS_DENIED);
        }
    }

    /** Copies the rest of one open file to another (what File.Copy does once both are open). */
    public void copyContents(long from, long to) throws IoError {
        FileChannel source = channel(from);
        FileChannel target = channel(to);
        try {
            long at = source.position();
            long size = source.size();
            while (at < size) {
                at += source.transferTo(at, size - at, target);
            }
            source.position(at);
        } catch (IOException e) {
            throw new IoError(IoError.ACCESS_DENIED);
        }
    }

    public void close(long handle) throws IoError {
        FileChannel c = open.remove(handle);
        if (c == null) {
            throw new IoError(IoError.INVALID_HANDLE);
        }
        try {
            c.close();
        } catch (IOException e) {
            throw new IoError(IoError.ACCESS_DENIED);
        }
    }

    /**
     * The attributes of what {@code p} names ({@code NOFOLLOW_LINKS}: of a symbolic link itself),
     * or null when there is nothing there.
     */
    public BasicFileAttributes attributes(Path p, LinkOption... options) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, options);
        } catch (IOException e) {
            return null;
        }
    }

    /** The attributes of the file or folder {@code path} names ({@code link}: of a symbolic link itself). */
    public BasicFileAttributes stat(String path, boolean link) throws IoError {
        Path p = resolve(path);
        try {
            return link ? Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    : Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            throw error(e, p);
        }
    }

    public void createDirectory(String path) throws IoError {
        Path p = resolve(path);
        onHost(p, () -> Files.createDirectory(p));
    }

    public void removeDirectory(String path) throws IoError {
        Path p = resolve(path);
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new IoError(Files.exists(p) ? IoError.INVALID_PARAMETER : IoError.PATH_NOT_FOUND);
        }
        delete(p);
    }

    public void deleteFile(String path) throws IoError {
        Path p = resolve(path);
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new IoError(IoError.ACCESS_DENIED);
        }
        delete(p);
    }

    private static void delete(Path p) throws IoError {
        onHost(p, () -> Files.delete(p));
    }

    public void move(String from, String to) throws IoError {
        Path source = resolve(from);
        Path target = resolve(to);
        onHost(source, () -> Files.move(source, target));
    }

    /** Gives the file {@code from} names a second name, {@code to} (a hard link). */
    public void link(String from, String to) throws IoError {
        Path source = resolve(from);
        Path target = resolve(to);
        onHost(Files.exists(source) ? target : source, () -> Files.createLink(target, source));
    }

    /** A host file operation. */
    private interface HostAction {
        void run() throws IOException;
    }

    /** Runs {@code action}; a failure is the error mono reports for {@code path}. */
    private static void onHost(Path path, HostAction action) throws IoError {
        try {
            action.run();
        } catch (IOException e) {
            throw error(e, path);
        }
    }

    public void copy(String from, String to, boolean overwrite) throws IoError {
        Path source = resolve(from);
        Path target = resolve(to);
        StandardCopyOption[] options = overwrite ? new StandardCopyOption[] {StandardCopyOption.REPLACE_EXISTING}
                : new StandardCopyOption[0];
        onHost(source, () -> Files.copy(source, target, options));
    }

    /**
     * Starts listing the entries of a folder whose names match a pattern ({@code *} and {@code ?},
     * as in {@code dir/*.txt}); returns the search's handle, its first entry in {@code first}.
     */
    public long findFirst(String pathWithPattern, Path[] first) throws IoError {
        int slash = pathWithPattern.lastIndexOf('/');
        Path folder = resolve(slash < 0 ? "." : slash == 0 ? "/" : pathWithPattern.substring(0, slash));
        String glob = pathWithPattern.substring(slash + 1);
        var matcher = folder.getFileSystem().getPathMatcher("glob:" + glob.replace("\\", "\\\\")
                .replace("[", "\\[").replace("{", "\\{"));
        List<Path> entries = list(folder).stream().filter(e -> matcher.matches(e.getFileName())).toList();
        if (entries.isEmpty()) {
            throw new IoError(IoError.FILE_NOT_FOUND);
        }
        Iterator<Path> it = entries.iterator();
        first[0] = it.next();
        return search(it);
    }

    /**
     * Starts reading a folder's entries one by one, as {@code opendir} does: {@link #findNext}
     * returns them, {@code .} and {@code ..} first, and {@link #findClose} ends the reading. A path
     * naming a file fails with {@link IoError#NOT_A_DIRECTORY}.
     */
    public long openDirectory(String path) throws IoError {
        Path folder = resolve(path);
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IoError(IoError.NOT_A_DIRECTORY);
        }
        List<Path> entries = new ArrayList<>(List.of(folder.resolve("."), folder.resolve("..")));
        entries.addAll(list(folder));
        return search(entries.iterator());
    }

    /** The entries of {@code folder}, sorted by name. */
    private static List<Path> list(Path folder) throws IoError {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw error(e, folder);
        }
    }

    /** A new handle for the search that goes on with {@code rest}. */
    private long search(Iterator<Path> rest) {
        long handle = nextHandle++;
        searches.put(handle, rest);
        return handle;
    }

    /** The next entry of a search, or null when there are no more. */
    public Path findNext(long handle) throws IoError {
        Iterator<Path> it = searches.get(handle);
        if (it == null) {
            throw new IoError(IoError.INVALID_HANDLE);
        }
        return it.hasNext() ? it.next() : null;
    }

    public boolean findClose(long handle) {
        return searches.remove(handle) != null;
    }

    /** The code mono reports for a host failure on {@code p}. */
    private static IoError error(IOException e, Path p) {
        return new IoError(switch (e) {
            case NoSuchFileException n -> p.getParent() != null && !Files.isDirectory(p.getParent())
                    ? IoError.PATH_NOT_FOUND : IoError.FILE_NOT_FOUND;
            case FileAlreadyExistsException x -> Files.isDirectory(p) ? IoError.ALREADY_EXISTS : IoError.FILE_EXISTS;
            case DirectoryNotEmptyException d -> IoError.DIR_NOT_EMPTY;
            case NotDirectoryException d -> IoError.PATH_NOT_FOUND;
            case AccessDeniedException a -> IoError.ACCESS_DENIED;
            default -> IoError.ACCESS_DENIED;
        });
    }
}
