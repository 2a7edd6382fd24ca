package dev.mimic.x86.user;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Linux error numbers (asm-generic/errno-base.h) the system call layer returns, negated, in EAX. */
final class Errno {
    static final int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, EAGAIN = 11, EBADF = 9, ENOMEM = 12, EACCES = 13, EFAULT = 14, EEXIST = 17, ENOTDIR = 20, EISDIR = 21, EINVAL = 22,
            EMFILE = 24, ENOTTY = 25, ESPIPE = 29, EPIPE = 32, ERANGE = 34, ENOSYS = 38, ENOTEMPTY = 39, ELOOP = 40;
    /**
     * The kernel's internal "interrupted, maybe restart" results (include/linux/errno.h), which never
     * reach the guest: signal delivery turns them into EINTR or a restart of the call.
     */
    static final int ERESTARTSYS = 512, ERESTARTNOHAND = 514;

    private Errno() {
    }

    /** The errno for a host I/O failure. */
    static int of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return ENOENT;
        } else if (e instanceof FileAlreadyExistsException) {
            return EEXIST;
        } else if (e instanceof AccessDeniedException) {
            return EACCES;
        } else if (e instanceof NotDirectoryException) {
            return ENOTDIR;
        } else if (e instanceof DirectoryNotEmptyException) {
            return ENOTEMPTY;
        } else if (e instanceof FileSystemLoopException) {
            return ELOOP;
        }
        String m = String.valueOf(e.getMessage());
        return m.contains("Is a directory") ? EISDIR : m.contains("Not a directory") ? ENOTDIR : EIO;
    }
}
