package dev.mimic.pcode.runtime;

/** A byte source with one byte of lookahead, which is what Pascal's file buffer variable needs. */
interface ByteInput {
    /** The next byte (0..255) without consuming it, or -1 at the end. */
    int peek();

    /** Consumes the byte {@link #peek} returned. */
    void skip();
}
