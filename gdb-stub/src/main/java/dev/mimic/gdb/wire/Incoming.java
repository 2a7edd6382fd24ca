package dev.mimic.gdb.wire;

/** What a client sends between replies: a packet with a good checksum, or the interrupt byte. */
public sealed interface Incoming {
    /** A packet's payload, as received (binary data still escaped), one char per byte. */
    record Packet(String payload) implements Incoming {
    }

    /** The 0x03 byte (Ctrl-C in gdb) outside a packet. */
    record Interrupt() implements Incoming {
    }
}
