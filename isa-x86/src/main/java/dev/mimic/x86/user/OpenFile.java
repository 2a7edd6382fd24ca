package dev.mimic.x86.user;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * What a guest file descriptor refers to: one of the process's standard streams, a host file, a
 * directory being listed, or an end of a {@link Pipe}. Operations a kind does not support answer with the errno Linux would give.
 */
sealed interface OpenFile permits OpenFile.Input, OpenFile.Output, OpenFile.File, OpenFile.Directory, Pipe.End {
    /** Reads up to {@code into.remaining()} bytes; returns the count, 0 at end of file, or -errno. */
    default long read(ByteBuffer into) throws IOException {
        return -Errno.EBADF;
    }

    /** Writes the bytes; returns the count or -errno. */
    default long write(ByteBuffer from) throws IOException {
        return -Errno.EBADF;
    }

    /** Moves the position; returns the new position or -errno. */
    default long seek(long offset, int whence) throws IOException {
        return -Errno.ESPIPE;
    }

    /** The host path, for fstat; null for streams. */
    default Path path() {
        return null;
    }

    default void close() throws IOException {
    }

    /** Standard input as the host gave it. */
    record Input(InputStream in) implements OpenFile {
        @Override
        public long read(ByteBuffer into) throws IOException {
            byte[] buffer = new byte[into.remaining()];
            int n = in.read(buffer);
            if (n <= 0) {
                return 0;
            }
            into.put(buffer, 0, n);
            return n;
        }
    }

    /** Standard output or error. */
    record Output(OutputStream out) implements OpenFile {
        @Override
        public long write(ByteBuffer from) throws IOException {
            int n = from.remaining();
            byte[] bytes = new byte[n];
            from.get(bytes);
            out.write(bytes);
            out.flush();
            return n;
        }
    }

    /** A host file. */
    record File(FileChannel channel, Path path, boolean append, boolean readable, boolean writable) implements OpenFile {
        @Override
        public long read(ByteBuffer into) throws IOException {
            if (!readable) {
                return -Errno.EBADF;
            }
            int n = channel.read(into);
            return Math.max(n, 0);
        }

        @Override
        public long write(ByteBuffer from) throws IOException {
            if (!writable) {
                return -Errno.EBADF;
            }
            if (append) {
                channel.position(channel.size());
            }
            return channel.write(from);
        }

        @Override
        public long seek(long offset, int whence) throws IOException {
            long base = switch (whence) {
                case 0 -> 0;
                case 1 -> channel.position();
                case 2 -> channel.size();
                default -> -1;
            };
            if (base < 0 || base + offset < 0) {
                return -Errno.EINVAL;
            }
            channel.position(base + offset);
            return base + offset;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** A directory opened for getdents64: its entries (with "." and "..") and how many were returned. */
    final class Directory implements OpenFile {
        final Path path;
        final List<String> names;
        int next;

        Directory(Path path, List<String> names) {
            this.path = path;
            this.names = names;
        }

        @Override
        public Path path() {
            return path;
        }

        @Override
        public long read(ByteBuffer into) {
            return -Errno.EISDIR;
        }
    }
}
