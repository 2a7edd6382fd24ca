package dev.mimic.gdb.wire;

/**
 * A packet whose fields do not parse. The session answers it with an error reply and goes on:
 * nothing a client sends may end the stub.
 */
public final class MalformedPacketException extends RuntimeException {
    public MalformedPacketException(String message) {
        super(message);
    }
}
