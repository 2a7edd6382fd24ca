package dev.mimic.gdb.wire;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The framing layer of GDB's remote protocol: {@code $payload#cc} packets with a modulo-256
 * checksum, {@code +}/{@code -} acknowledgements until no-ack mode is agreed, and the bare 0x03
 * interrupt byte. A packet with a bad checksum is answered {@code -} (gdb sends it again) and
 * never reaches the session; in no-ack mode it is dropped.
 */
public final class PacketConnection {
    /** The largest payload accepted; {@code qSupported} advertises it as PacketSize. */
    public static final int MAX_PACKET = 0x4000;
    private static final int INTERRUPT = 0x03;

    private final BufferedInputStream in;
    private final OutputStream out;
    private boolean acks = true;
    private byte[] lastSent;

    public PacketConnection(InputStream in, OutputStream out) {
        this.in = new BufferedInputStream(in);
        this.out = out;
    }

    /** Stops sending and expecting acknowledgements ({@code QStartNoAckMode}). */
    public void stopAcks() {
        acks = false;
    }

    /**
     * The next packet or interrupt, acknowledging it; a {@code -} from the client resends the last
     * reply. An oversized packet arrives with its payload dropped (empty), so it gets the
     * "unsupported" reply.
     *
     * @throws EOFException when the client has gone
     */
    public Incoming read() throws IOException {
        for (;;) {
            int c = next();
            if (c == INTERRUPT) {
                return new Incoming.Interrupt();
            }
            if (c == '-' && acks && lastSent != null) {
                write(lastSent);
            }
            if (c == '$') {
                Incoming packet = body();
                if (packet != null) {
                    return packet;
                }
            }
        }
    }

    /** Reads a packet after its {@code $}; null when its checksum is wrong. */
    private Incoming body() throws IOException {
        StringBuilder payload = new StringBuilder();
        int sum = 0;
        for (int c = next(); c != '#'; c = next()) {
            if (c == '$') {
                payload.setLength(0);
                sum = 0;
                continue;
            }
            sum += c;
            if (payload.length() <= MAX_PACKET) {
                payload.append((char) c);
            }
        }
        int given = checksum(next(), next());
        if (given != (sum & 0xFF)) {
            if (acks) {
                write(new byte[] {'-'});
            }
            return null;
        }
        if (acks) {
            write(new byte[] {'+'});
        }
        return new Incoming.Packet(payload.length() > MAX_PACKET ? "" : payload.toString());
    }

    private static int checksum(int hi, int lo) {
        int h = Character.digit(hi, 16), l = Character.digit(lo, 16);
        return h < 0 || l < 0 ? -1 : h << 4 | l;
    }

    private int next() throws IOException {
        int c = in.read();
        if (c < 0) {
            throw new EOFException("gdb closed the connection");
        }
        return c;
    }

    /** Sends a reply packet; {@code payload} must already be escaped where it carries binary data. */
    public void send(String payload) throws IOException {
        int sum = 0;
        for (int i = 0; i < payload.length(); i++) {
            sum += payload.charAt(i);
        }
        byte[] frame = ("$" + payload + "#" + Hex.byteText(sum)).getBytes(StandardCharsets.ISO_8859_1);
        lastSent = frame;
        write(frame);
    }

    /**
     * True when the client sent the interrupt byte since the last read; does not block. Stray acks
     * are consumed; anything else is left for {@link #read}.
     */
    public boolean interruptPending() throws IOException {
        while (in.available() > 0) {
            in.mark(1);
            int c = in.read();
            if (c == INTERRUPT) {
                return true;
            }
            if (c != '+') {
                in.reset();
                return false;
            }
        }
        return false;
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }
}
