package dev.mimic.x86.user;

import java.nio.ByteBuffer;

/**
 * A pipe inside the process (pipe, pipe2; fs/pipe.c semantics): a 64 KiB buffer with a read end
 * and a write end. The process is single-threaded, so an empty pipe with a writer, or a full one
 * with a reader, can only change when a signal handler runs: such a read or write reports
 * {@link #WOULD_BLOCK} and the system call waits for a signal, after which it is restarted or fails
 * with EINTR (SA_RESTART decides). Reading with no writer left is end of file; writing with no
 * reader left is EPIPE and SIGPIPE.
 */
final class Pipe {
    /** A result meaning "nothing can happen until a signal arrives". */
    static final long WOULD_BLOCK = Long.MIN_VALUE;
    private static final int CAPACITY = 1 << 16;

    private final ByteBuffer buffer = ByteBuffer.allocate(CAPACITY);
    private int readers = 1;
    private int writers = 1;

    /** One end of the pipe as a file descriptor refers to it. */
    record End(Pipe pipe, boolean reading, boolean nonBlocking) implements OpenFile {
        @Override
        public long read(ByteBuffer into) {
            return reading ? pipe.take(into, nonBlocking) : -Errno.EBADF;
        }

        @Override
        public long write(ByteBuffer from) {
            return reading ? -Errno.EBADF : pipe.put(from, nonBlocking);
        }

        @Override
        public void close() {
            pipe.closeEnd(reading);
        }
    }

    private long take(ByteBuffer into, boolean nonBlocking) {
        if (buffer.position() == 0) {
            return writers == 0 ? 0 : nonBlocking ? -Errno.EAGAIN : WOULD_BLOCK;
        }
        buffer.flip();
        int n = Math.min(buffer.remaining(), into.remaining());
        into.put(into.position(), buffer, buffer.position(), n);
        into.position(into.position() + n);
        buffer.position(n);
        buffer.compact();
        return n;
    }

    private long put(ByteBuffer from, boolean nonBlocking) {
        if (readers == 0) {
            return -Errno.EPIPE;
        }
        if (!buffer.hasRemaining()) {
            return nonBlocking ? -Errno.EAGAIN : WOULD_BLOCK;
        }
        int n = Math.min(buffer.remaining(), from.remaining());
        buffer.put(buffer.position(), from, from.position(), n);
        buffer.position(buffer.position() + n);
        from.position(from.position() + n);
        return n;
    }

    private void closeEnd(boolean reading) {
        if (reading) {
            readers--;
        } else {
            writers--;
        }
    }
}
