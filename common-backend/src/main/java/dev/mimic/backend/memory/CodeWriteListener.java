package dev.mimic.backend.memory;

/** Told when guest memory holding decoded code is written, so stale translations are dropped. */
@FunctionalInterface
public interface CodeWriteListener {
    void codeWritten(long start, long end);
}
