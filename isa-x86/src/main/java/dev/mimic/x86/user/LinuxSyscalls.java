package dev.mimic.x86.user;

import dev.mimic.backend.state.GuestState;
import dev.mimic.x86.cpu.Registers;
import dev.mimic.x86.memory.PagedMemory;
import dev.mimic.x86.user.GuestMemoryAccess.BadAddress;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The Linux i386 system calls a static program makes through INT 0x80 (arch/x86/entry/syscalls/
 * syscall_32.tbl), served on the host as qemu-i386 does: files and directories, the program break and
 * anonymous or file mappings, time, identity, thread-area set-up, and the signal calls ({@link SignalSyscalls}).
 * Calls it does not implement return -ENOSYS, as an older kernel would, and glibc falls back
 * (clock_gettime64 to clock_gettime, statx stays).
 */
final class LinuxSyscalls {
    /** The GDT entries set_thread_area hands out (GDT_ENTRY_TLS_MIN..MAX on i386). */
    static final int TLS_FIRST = 6, TLS_ENTRIES = 3;
    /** The process and thread id the guest sees. */
    static final int PID = 1000;
    private static final long MMAP_TOP = 0xB000_0000L;
    private static final int AT_FDCWD = -100;
    private static final int O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0100, O_EXCL = 0200, O_TRUNC = 01000,
            O_APPEND = 02000, O_NONBLOCK = 04000, O_DIRECTORY = 0200000, O_NOFOLLOW = 0400000;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100, AT_EMPTY_PATH = 0x1000, AT_REMOVEDIR = 0x200;
    /** The file type bits of a pipe, which is what the standard streams look like to the guest. */
    private static final int S_IFIFO = 0010000;
    private static final int SIGPIPE = 13;
    private static final int TIMER_ABSTIME = 1;

    private final PagedMemory memory;
    private final GuestMemoryAccess guest;
    private final Path program;
    private final PrintStream strace;
    private final OpenFile[] files = new OpenFile[1024];
    private final int[] tlsBases = new int[TLS_ENTRIES];
    private final Random random;
    private final int uid;
    private final int gid;
    private long brkStart;
    private long brk;
    private Path cwd;
    private int exitStatus = -1;
    private SignalSyscalls signals;
    /** The pages of file mappings past the file's end (see {@link #isPastEndOfFile}). */
    private final java.util.BitSet pastEndOfFile = new java.util.BitSet();

    LinuxSyscalls(PagedMemory memory, Path program, InputStream in, PrintStream out, PrintStream err, PrintStream strace,
                  Random random) {
        this.memory = memory;
        this.guest = new GuestMemoryAccess(memory);
        this.program = program.toAbsolutePath();
        this.strace = strace;
        this.random = random;
        this.cwd = Path.of("").toAbsolutePath();
        files[0] = new OpenFile.Input(in);
        files[1] = new OpenFile.Output(out);
        files[2] = new OpenFile.Output(err);
        int[] ids = hostIdentity();
        this.uid = ids[0];
        this.gid = ids[1];
    }

    /** The host user and group, so that the guest sees the same owner as a native run. */
    private static int[] hostIdentity() {
        try {
            Map<String, Object> a = Files.readAttributes(Path.of("/proc/self"), "unix:uid,gid");
            return new int[] {(Integer) a.get("uid"), (Integer) a.get("gid")};
        } catch (IOException | UnsupportedOperationException e) {
            return new int[] {0, 0};
        }
    }

    void setSignals(SignalSyscalls signals) {
        this.signals = signals;
    }

    int uid() {
        return uid;
    }

    int gid() {
        return gid;
    }

    /** Sets where the program break starts (the end of the loaded image). */
    void setBreak(long end) {
        brkStart = end + PagedMemory.PAGE_SIZE - 1 & ~(PagedMemory.PAGE_SIZE - 1L);
        brk = brkStart;
    }

    /** The base of TLS descriptor {@code index} (a GDT entry number). */
    int tlsBase(int index) {
        return tlsBases[index - TLS_FIRST];
    }

    /** The status exit or exit_group gave, or -1 while the process runs. */
    int exitStatus() {
        return exitStatus;
    }

    /** Lets a process that exited run again (a snapshot from before its exit was restored). */
    void resume() {
        exitStatus = -1;
    }

    /** Serves the system call in EAX with arguments in EBX, ECX, EDX, ESI, EDI, EBP; the result goes to EAX. */
    void call(GuestState s) {
        int nr = (int) s.get(Registers.gpr(0));
        int[] a = {(int) s.get(Registers.gpr(3)), (int) s.get(Registers.gpr(1)), (int) s.get(Registers.gpr(2)),
            (int) s.get(Registers.gpr(6)), (int) s.get(Registers.gpr(7)), (int) s.get(Registers.gpr(5))};
        long result;
        try {
            result = dispatch(nr, a, (int) s.get(Registers.gpr(4)));
        } catch (BadAddress e) {
            result = -Errno.EFAULT;
        } catch (IOException e) {
            result = -Errno.of(e);
        }
        if (strace != null) {
            strace.printf("syscall %d(0x%x, 0x%x, 0x%x, 0x%x) = %d%n", nr, a[0], a[1], a[2], a[3], result);
        }
        s.set(Registers.gpr(0), result);
    }

    private long dispatch(int nr, int[] a, int esp) throws BadAddress, IOException {
        return switch (nr) {
            case 1, 252 -> exit(a[0]);
            case 3 -> read(a[0], a[1], a[2]);
            case 4 -> write(a[0], a[1], a[2]);
            case 5 -> open(AT_FDCWD, a[0], a[1], a[2]);
            case 6 -> close(a[0]);
            case 10 -> unlink(AT_FDCWD, a[0], 0);
            case 12 -> chdir(a[0]);
            case 13 -> time(a[0]);
            case 19 -> seek(a[0], a[1], a[2]);
            case 20, 224 -> PID;
            case 24, 49, 199, 201 -> uid;
            case 47, 50, 200, 202 -> gid;
            case 33 -> access(AT_FDCWD, a[0]);
            case 37 -> signals.kill(a[0], a[1], SignalState.SI_USER);
            case 238 -> signals.kill(a[0], a[1], SignalState.SI_TKILL);
            case 270 -> a[0] != PID ? -Errno.ESRCH : signals.kill(a[1], a[2], SignalState.SI_TKILL);
            case 27 -> signals.alarm(a[0]);
            case 42 -> pipe(a[0], 0);
            case 331 -> pipe(a[0], a[1]);
            case 29 -> signals.pause();
            case 67 -> signals.oldSigaction(a[0], a[1], a[2]);
            case 72 -> signals.sigsuspend(a[2], 0, false);
            case 73 -> signals.sigpending(a[0], false);
            case 104 -> signals.setitimer(a[0], a[1], a[2]);
            case 105 -> signals.getitimer(a[0], a[1]);
            case 126 -> signals.sigprocmask(a[0], a[1], a[2], 0, false);
            case 174 -> signals.rtSigaction(a[0], a[1], a[2], a[3]);
            case 175 -> signals.sigprocmask(a[0], a[1], a[2], a[3], true);
            case 176 -> a[1] != 8 ? -Errno.EINVAL : signals.sigpending(a[0], true);
            case 179 -> signals.sigsuspend(a[0], a[1], true);
            case 186 -> signals.sigaltstack(a[0], a[1], esp);
            case 38 -> rename(a[0], a[1]);
            case 39 -> mkdir(AT_FDCWD, a[0]);
            case 40 -> unlink(AT_FDCWD, a[0], AT_REMOVEDIR);
            case 41 -> dup(a[0], lowestFree(0));
            case 45 -> brk(a[0] & 0xFFFF_FFFFL);
            case 54 -> ioctl(a[0]);
            case 55, 221 -> fcntl(a[0], a[1], a[2]);
            case 60 -> 022;
            case 63 -> dup(a[0], a[1]);
            case 330 -> a[0] == a[1] ? -Errno.EINVAL : dup(a[0], a[1]);
            case 64 -> 1;
            case 65, 132 -> PID;
            case 78 -> gettimeofday(a[0]);
            case 85 -> readlink(a[0], a[1], a[2]);
            case 90 -> mmap(guest.u32(a[0]), guest.u32(a[0] + 4L), guest.u32(a[0] + 8L), guest.u32(a[0] + 12L),
                    guest.u32(a[0] + 16L), (guest.u32(a[0] + 20L) & 0xFFFF_FFFFL));
            case 91 -> munmap(a[0], a[1]);
            case 106, 195 -> stat64(AT_FDCWD, a[0], a[1], 0);
            case 107, 196 -> stat64(AT_FDCWD, a[0], a[1], AT_SYMLINK_NOFOLLOW);
            case 108, 197 -> stat64(a[0], 0, a[1], AT_EMPTY_PATH);
            case 300 -> stat64(a[0], a[1], a[2], a[3]);
            case 383 -> statx(a[0], a[1], a[2], a[4]);
            case 122 -> uname(a[0]);
            case 125 -> memory.protect(a[0] & 0xFFFF_FFFFL, a[1] & 0xFFFF_FFFFL, a[2] & 7) ? 0 : -Errno.ENOMEM;
            case 140 -> llseek(a[0], a[1], a[2], a[3], a[4]);
            case 146 -> writev(a[0], a[1], a[2]);
            case 311, 219 -> 0;
            case 183 -> getcwd(a[0], a[1]);
            case 191, 76 -> rlimit(a[0], a[1], false);
            case 340 -> a[2] == 0 ? 0 : rlimit(a[1], a[2], true);
            case 192 -> mmap(a[0], a[1], a[2], a[3], a[4], (a[5] & 0xFFFF_FFFFL) << 12);
            case 220 -> getdents64(a[0], a[1], a[2]);
            case 243 -> setThreadArea(a[0]);
            case 258 -> PID;
            case 265 -> clockGettime(a[1]);
            case 162 -> signals.sleep(a[0], a[1], false);
            case 267 -> (a[1] & TIMER_ABSTIME) != 0 ? -Errno.ENOSYS : signals.sleep(a[2], a[3], false);
            case 407 -> (a[1] & TIMER_ABSTIME) != 0 ? -Errno.ENOSYS : signals.sleep(a[2], a[3], true);
            case 295 -> open(a[0], a[1], a[2], a[3]);
            case 296 -> mkdir(a[0], a[1]);
            case 301 -> unlink(a[0], a[1], a[2]);
            case 307 -> access(a[0], a[1]);
            case 355 -> getrandom(a[0], a[1]);
            default -> -Errno.ENOSYS;
        };
    }

    private long exit(int status) {
        exitStatus = status & 0xFF;
        return 0;
    }

    private OpenFile file(int fd) {
        return fd >= 0 && fd < files.length ? files[fd] : null;
    }

    private long read(int fd, int buffer, int count) throws BadAddress, IOException {
        OpenFile f = file(fd);
        if (f == null) {
            return -Errno.EBADF;
        }
        ByteBuffer b = ByteBuffer.allocate(Math.min(count & 0x7FFF_FFFF, 1 << 20));
        long n = f.read(b);
        if (n > 0) {
            guest.put(buffer & 0xFFFF_FFFFL, b.array(), (int) n);
        }
        return n == Pipe.WOULD_BLOCK ? signals.awaitSignal() : n;
    }

    private long write(int fd, int buffer, int count) throws BadAddress, IOException {
        OpenFile f = file(fd);
        if (f == null) {
            return -Errno.EBADF;
        }
        if (count < 0) {
            return -Errno.EFAULT; // 2 GiB or more: more than a 32-bit process can have mapped in one piece
        }
        long n = f.write(ByteBuffer.wrap(guest.bytes(buffer & 0xFFFF_FFFFL, count)));
        if (n == -Errno.EPIPE) {
            signals.kill(PID, SIGPIPE, SignalState.SI_USER);
        }
        return n == Pipe.WOULD_BLOCK ? signals.awaitSignal() : n;
    }

    /** pipe and pipe2 (O_NONBLOCK is the only flag that changes anything here). */
    private long pipe(int fds, int flags) throws BadAddress {
        int reading = lowestFree(0);
        if (reading < 0) {
            return -Errno.EMFILE;
        }
        Pipe pipe = new Pipe();
        boolean nonBlocking = (flags & O_NONBLOCK) != 0;
        files[reading] = new Pipe.End(pipe, true, nonBlocking);
        int writing = lowestFree(0);
        if (writing < 0) {
            files[reading] = null;
            return -Errno.EMFILE;
        }
        files[writing] = new Pipe.End(pipe, false, nonBlocking);
        guest.put32(fds & 0xFFFF_FFFFL, reading);
        guest.put32((fds & 0xFFFF_FFFFL) + 4, writing);
        return 0;
    }

    private long writev(int fd, int iov, int count) throws BadAddress, IOException {
        long total = 0;
        for (int i = 0; i < count; i++) {
            int base = guest.u32((iov & 0xFFFF_FFFFL) + 8L * i);
            int length = guest.u32((iov & 0xFFFF_FFFFL) + 8L * i + 4);
            long n = write(fd, base, length);
            if (n < 0) {
                return total > 0 ? total : n;
            }
            total += n;
        }
        return total;
    }

    /** A guest path as a host path: relative ones against the directory {@code dirfd} or the working directory. */
    private Path path(int dirfd, int address) throws BadAddress {
        String name = guest.string(address & 0xFFFF_FFFFL);
        if (name.equals("/proc/self/exe")) {
            return program;
        }
        Path base = dirfd == AT_FDCWD || file(dirfd) == null || file(dirfd).path() == null ? cwd : file(dirfd).path();
        return base.resolve(name);
    }

    private int lowestFree(int from) {
        for (int fd = Math.max(from, 0); fd < files.length; fd++) {
            if (files[fd] == null) {
                return fd;
            }
        }
        return -1;
    }

    private long open(int dirfd, int name, int flags, int mode) throws BadAddress, IOException {
        Path p = path(dirfd, name);
        int fd = lowestFree(0);
        if (fd < 0) {
            return -Errno.EMFILE;
        }
        LinkOption[] link = (flags & O_NOFOLLOW) != 0 ? new LinkOption[] {LinkOption.NOFOLLOW_LINKS} : new LinkOption[0];
        if (Files.isDirectory(p, link)) {
            if ((flags & (O_WRONLY | O_RDWR)) != 0) {
                return -Errno.EISDIR;
            }
            List<String> names = new ArrayList<>(List.of(".", ".."));
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(p)) {
                entries.forEach(e -> names.add(e.getFileName().toString()));
            }
            files[fd] = new OpenFile.Directory(p, names);
            return fd;
        }
        if ((flags & O_DIRECTORY) != 0) {
            return Files.exists(p) ? -Errno.ENOTDIR : -Errno.ENOENT;
        }
        boolean readable = (flags & 3) != O_WRONLY;
        boolean writable = (flags & 3) != 0;
        Set<OpenOption> options = new HashSet<>();
        if (readable) {
            options.add(StandardOpenOption.READ);
        }
        if (writable) {
            options.add(StandardOpenOption.WRITE);
        }
        if ((flags & O_CREAT) != 0) {
            options.add((flags & O_EXCL) != 0 ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
        }
        if ((flags & O_TRUNC) != 0 && writable) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        options.addAll(List.of(link));
        FileChannel channel = FileChannel.open(p, options);
        files[fd] = new OpenFile.File(channel, p, (flags & O_APPEND) != 0, readable, writable);
        return fd;
    }

    private long close(int fd) throws IOException {
        OpenFile f = file(fd);
        if (f == null) {
            return -Errno.EBADF;
        }
        files[fd] = null;
        for (OpenFile other : files) {
            if (other == f) {
                return 0;
            }
        }
        if (!(f instanceof OpenFile.Input || f instanceof OpenFile.Output)) {
            f.close();
        }
        return 0;
    }

    private long dup(int fd, int to) throws IOException {
        OpenFile f = file(fd);
        if (f == null || to < 0 || to >= files.length) {
            return -Errno.EBADF;
        }
        if (to != fd && files[to] != null) {
            close(to);
        }
        files[to] = f;
        return to;
    }

    private long fcntl(int fd, int command, int argument) throws IOException {
        if (file(fd) == null) {
            return -Errno.EBADF;
        }
        return switch (command) {
            case 0, 1030 -> dup(fd, lowestFree(argument));
            case 3 -> file(fd) instanceof OpenFile.File f && f.writable() ? (f.readable() ? O_RDWR : O_WRONLY) : 0;
            default -> 0;
        };
    }

    private long ioctl(int fd) {
        return file(fd) == null ? -Errno.EBADF : -Errno.ENOTTY;
    }

    private long seek(int fd, int offset, int whence) throws IOException {
        OpenFile f = file(fd);
        return f == null ? -Errno.EBADF : f.seek(offset, whence);
    }

    private long llseek(int fd, int high, int low, int result, int whence) throws BadAddress, IOException {
        OpenFile f = file(fd);
        if (f == null) {
            return -Errno.EBADF;
        }
        long position = f.seek((long) high << 32 | low & 0xFFFF_FFFFL, whence);
        if (position < 0) {
            return position;
        }
        guest.put64(result & 0xFFFF_FFFFL, position);
        return 0;
    }

    private long brk(long requested) {
        if (requested < brkStart) {
            return brk;
        }
        long top = requested + PagedMemory.PAGE_SIZE - 1 & ~(PagedMemory.PAGE_SIZE - 1L);
        long mapped = brk + PagedMemory.PAGE_SIZE - 1 & ~(PagedMemory.PAGE_SIZE - 1L);
        if (top > mapped) {
            for (long p = mapped; p < top; p += PagedMemory.PAGE_SIZE) {
                if (memory.isMapped(p)) {
                    return brk;
                }
            }
            memory.map(mapped, top - mapped, PagedMemory.READ | PagedMemory.WRITE);
        } else if (top < mapped) {
            memory.unmap(top, mapped - top);
        }
        brk = requested;
        return brk;
    }

    private long mmap(int address, int length, int prot, int flags, int fd, long offset) throws IOException {
        long size = (length & 0xFFFF_FFFFL) + PagedMemory.PAGE_SIZE - 1 & ~(PagedMemory.PAGE_SIZE - 1L);
        if (size == 0) {
            return -Errno.EINVAL;
        }
        boolean fixed = (flags & 0x10) != 0;
        boolean anonymous = (flags & 0x20) != 0;
        long at = address & 0xFFFF_FFFFL;
        if (!fixed) {
            at = freeRange(size);
            if (at < 0) {
                return -Errno.ENOMEM;
            }
        }
        unmapRange(at, size);
        memory.map(at, size, PagedMemory.READ | PagedMemory.WRITE);
        if (!anonymous) {
            OpenFile f = file(fd);
            if (!(f instanceof OpenFile.File file)) {
                memory.unmap(at, size);
                return -Errno.EBADF;
            }
            ByteBuffer b = ByteBuffer.allocate((int) Math.min(size, Math.max(0, file.channel().size() - offset)));
            file.channel().read(b, offset);
            memory.write(at, b.array(), 0, b.position());
            long covered = b.position() + PagedMemory.PAGE_SIZE - 1 & ~(PagedMemory.PAGE_SIZE - 1L);
            if (covered < size) {
                memory.unmap(at + covered, size - covered);
                pastEndOfFile.set(page(at + covered), page(at + size));
            }
        }
        memory.protect(at, size, prot & 7);
        return at;
    }

    private static int page(long address) {
        return (int) (address >>> PagedMemory.PAGE_SHIFT);
    }

    /** Unmaps [at, at+size), including pages mapped past the end of a file. */
    private void unmapRange(long at, long size) {
        memory.unmap(at, size);
        pastEndOfFile.clear(page(at), (int) Math.min(page(at + size - 1) + 1L, 1 << 20));
    }

    /**
     * Whether {@code address} lies in a file mapping but past the end of the file, where an access is
     * SIGBUS rather than SIGSEGV (mm/filemap.c); such pages are left unmapped so that access faults.
     */
    boolean isPastEndOfFile(long address) {
        return pastEndOfFile.get(page(address & 0xFFFF_FFFFL));
    }

    /** The highest free range of {@code size} bytes below the mapping area's top. */
    private long freeRange(long size) {
        long end = MMAP_TOP;
        for (long p = MMAP_TOP - PagedMemory.PAGE_SIZE; p >= brk + (64L << 20); p -= PagedMemory.PAGE_SIZE) {
            if (memory.isMapped(p) || isPastEndOfFile(p)) {
                end = p;
            } else if (end - p >= size) {
                return p;
            }
        }
        return -1;
    }

    private long munmap(int address, int length) {
        if ((address & PagedMemory.PAGE_SIZE - 1) != 0) {
            return -Errno.EINVAL;
        }
        if (length != 0) {
            unmapRange(address & 0xFFFF_FFFFL, length & 0xFFFF_FFFFL);
        }
        return 0;
    }

    private long setThreadArea(int descriptor) throws BadAddress {
        long d = descriptor & 0xFFFF_FFFFL;
        int entry = guest.u32(d);
        if (entry == -1) {
            entry = TLS_FIRST;
            guest.put32(d, entry);
        }
        if (entry < TLS_FIRST || entry >= TLS_FIRST + TLS_ENTRIES) {
            return -Errno.EINVAL;
        }
        tlsBases[entry - TLS_FIRST] = guest.u32(d + 4);
        return 0;
    }

    private long time(int address) throws BadAddress {
        long seconds = System.currentTimeMillis() / 1000;
        if (address != 0) {
            guest.put32(address & 0xFFFF_FFFFL, (int) seconds);
        }
        return (int) seconds;
    }

    private long gettimeofday(int address) throws BadAddress {
        if (address != 0) {
            long micros = System.currentTimeMillis() * 1000;
            guest.put32(address & 0xFFFF_FFFFL, (int) (micros / 1_000_000));
            guest.put32((address & 0xFFFF_FFFFL) + 4, (int) (micros % 1_000_000));
        }
        return 0;
    }

    private long clockGettime(int address) throws BadAddress {
        java.time.Instant now = java.time.Instant.now();
        long a = address & 0xFFFF_FFFFL;
        guest.put32(a, (int) now.getEpochSecond());
        guest.put32(a + 4, now.getNano());
        return 0;
    }

    private long getrandom(int buffer, int length) throws BadAddress {
        if (length < 0) {
            return -Errno.EFAULT;
        }
        byte[] b = new byte[length];
        random.nextBytes(b);
        guest.put(buffer & 0xFFFF_FFFFL, b, length);
        return length;
    }

    private long rlimit(int resource, int address, boolean wide) throws BadAddress {
        long a = address & 0xFFFF_FFFFL;
        long limit = resource == 3 ? InitialStack.SIZE : resource == 7 ? files.length : -1;
        if (wide) {
            guest.put64(a, limit);
            guest.put64(a + 8, limit);
        } else {
            guest.put32(a, (int) limit);
            guest.put32(a + 4, (int) limit);
        }
        return 0;
    }

    private long uname(int address) throws BadAddress {
        String[] fields = {"Linux", "mimic", "6.1.0", "#1 SMP", "i686", "(none)"};
        byte[] b = new byte[6 * 65];
        for (int i = 0; i < fields.length; i++) {
            byte[] f = fields[i].getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(f, 0, b, 65 * i, f.length);
        }
        guest.put(address & 0xFFFF_FFFFL, b, b.length);
        return 0;
    }

    private long readlink(int name, int buffer, int size) throws BadAddress, IOException {
        if (size <= 0) {
            return -Errno.EINVAL;
        }
        Path p = path(AT_FDCWD, name);
        String target = p == program ? program.toString() : Files.readSymbolicLink(p).toString();
        byte[] b = target.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(b.length, size);
        guest.put(buffer & 0xFFFF_FFFFL, b, n);
        return n;
    }

    private long getcwd(int buffer, int size) throws BadAddress {
        byte[] b = (cwd + "\0").getBytes(StandardCharsets.UTF_8);
        if (b.length > size) {
            return -Errno.ERANGE;
        }
        guest.put(buffer & 0xFFFF_FFFFL, b, b.length);
        return b.length;
    }

    private long chdir(int name) throws BadAddress {
        Path p = path(AT_FDCWD, name).normalize();
        if (!Files.isDirectory(p)) {
            return Files.exists(p) ? -Errno.ENOTDIR : -Errno.ENOENT;
        }
        cwd = p;
        return 0;
    }

    private long access(int dirfd, int name) throws BadAddress {
        return Files.exists(path(dirfd, name), LinkOption.NOFOLLOW_LINKS) ? 0 : -Errno.ENOENT;
    }

    private long mkdir(int dirfd, int name) throws BadAddress, IOException {
        Files.createDirectory(path(dirfd, name));
        return 0;
    }

    private long unlink(int dirfd, int name, int flags) throws BadAddress, IOException {
        Path p = path(dirfd, name);
        if ((flags & AT_REMOVEDIR) == 0 && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return -Errno.EISDIR;
        }
        Files.delete(p);
        return 0;
    }

    private long rename(int from, int to) throws BadAddress, IOException {
        Files.move(path(AT_FDCWD, from), path(AT_FDCWD, to), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return 0;
    }

    private long getdents64(int fd, int buffer, int size) throws BadAddress, IOException {
        if (!(file(fd) instanceof OpenFile.Directory dir)) {
            return file(fd) == null ? -Errno.EBADF : -Errno.ENOTDIR;
        }
        ByteBuffer out = ByteBuffer.allocate(Integer.compareUnsigned(size, 1 << 20) > 0 ? 1 << 20 : size)
                .order(ByteOrder.LITTLE_ENDIAN);
        while (dir.next < dir.names.size()) {
            String name = dir.names.get(dir.next);
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            int length = 8 + 8 + 2 + 1 + bytes.length + 1 + 7 & ~7;
            if (out.remaining() < length) {
                if (out.position() == 0) {
                    return -Errno.EINVAL;
                }
                break;
            }
            Stat st = Stat.of(dir.path.resolve(name), false);
            int start = out.position();
            out.putLong(st == null ? dir.next + 1 : st.inode());
            out.putLong(dir.next + 1);
            out.putShort((short) length);
            out.put((byte) (st == null ? 0 : st.mode() >>> 12));
            out.put(bytes);
            out.position(start + length);
            dir.next++;
        }
        guest.put(buffer & 0xFFFF_FFFFL, out.array(), out.position());
        return out.position();
    }

    /** What stat reports about a host file, or about one of the standard streams. */
    record Stat(long device, long inode, int mode, int links, int uid, int gid, long rdev, long size,
                FileTime accessed, FileTime modified, FileTime changed) {
        static Stat of(Path p, boolean follow) {
            try {
                Map<String, Object> a = follow ? Files.readAttributes(p, "unix:*")
                        : Files.readAttributes(p, "unix:*", LinkOption.NOFOLLOW_LINKS);
                return new Stat((Long) a.get("dev"), (Long) a.get("ino"), (Integer) a.get("mode"), (Integer) a.get("nlink"),
                        (Integer) a.get("uid"), (Integer) a.get("gid"), (Long) a.get("rdev"), (Long) a.get("size"),
                        (FileTime) a.get("lastAccessTime"), (FileTime) a.get("lastModifiedTime"), (FileTime) a.get("ctime"));
            } catch (IOException | UnsupportedOperationException e) {
                return null;
            }
        }

        static Stat stream(int uid, int gid) {
            FileTime now = FileTime.fromMillis(System.currentTimeMillis());
            return new Stat(0xC, 1, S_IFIFO | 0600, 1, uid, gid, 0, 0, now, now, now);
        }

        long blocks() {
            return (size + 511) / 512;
        }
    }

    /** The file a stat-family call names: a path relative to {@code dirfd}, or {@code dirfd} itself for an empty path. */
    private Stat statOf(int dirfd, int name, int flags) throws BadAddress {
        boolean follow = (flags & AT_SYMLINK_NOFOLLOW) == 0;
        if (name == 0 || ((flags & AT_EMPTY_PATH) != 0 && guest.string(name & 0xFFFF_FFFFL).isEmpty())) {
            OpenFile f = file(dirfd);
            if (f == null) {
                return null;
            }
            return f.path() == null ? Stat.stream(uid, gid) : Stat.of(f.path(), true);
        }
        return Stat.of(path(dirfd, name), follow);
    }

    /** stat64, lstat64, fstat64, fstatat64: the i386 struct stat64 (arch/x86/include/uapi/asm/stat.h). */
    private long stat64(int dirfd, int name, int buffer, int flags) throws BadAddress {
        Stat st = statOf(dirfd, name, flags);
        if (st == null) {
            return name == 0 ? -Errno.EBADF : -Errno.ENOENT;
        }
        ByteBuffer b = ByteBuffer.allocate(96).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, st.device());
        b.putInt(12, (int) st.inode());
        b.putInt(16, st.mode());
        b.putInt(20, st.links());
        b.putInt(24, st.uid());
        b.putInt(28, st.gid());
        b.putLong(32, st.rdev());
        b.putLong(44, st.size());
        b.putInt(52, 4096);
        b.putLong(56, st.blocks());
        putTime32(b, 64, st.accessed());
        putTime32(b, 72, st.modified());
        putTime32(b, 80, st.changed());
        b.putLong(88, st.inode());
        guest.put(buffer & 0xFFFF_FFFFL, b.array(), 96);
        return 0;
    }

    private static void putTime32(ByteBuffer b, int at, FileTime t) {
        java.time.Instant i = t.toInstant();
        b.putInt(at, (int) i.getEpochSecond());
        b.putInt(at + 4, i.getNano());
    }

    /** statx (include/uapi/linux/stat.h): the basic fields. */
    private long statx(int dirfd, int name, int flags, int buffer) throws BadAddress {
        Stat st = statOf(dirfd, name, flags);
        if (st == null) {
            return -Errno.ENOENT;
        }
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0x7FF);
        b.putInt(4, 4096);
        b.putInt(16, st.links());
        b.putInt(20, st.uid());
        b.putInt(24, st.gid());
        b.putShort(28, (short) st.mode());
        b.putLong(32, st.inode());
        b.putLong(40, st.size());
        b.putLong(48, st.blocks());
        putTime64(b, 64, st.accessed());
        putTime64(b, 96, st.changed());
        putTime64(b, 112, st.modified());
        b.putInt(128, (int) (st.rdev() >>> 8 & 0xFFF));
        b.putInt(132, (int) (st.rdev() & 0xFF));
        b.putInt(136, (int) (st.device() >>> 8 & 0xFFF));
        b.putInt(140, (int) (st.device() & 0xFF));
        guest.put(buffer & 0xFFFF_FFFFL, b.array(), 256);
        return 0;
    }

    private static void putTime64(ByteBuffer b, int at, FileTime t) {
        java.time.Instant i = t.toInstant();
        b.putLong(at, i.getEpochSecond());
        b.putInt(at + 8, i.getNano());
    }
}
