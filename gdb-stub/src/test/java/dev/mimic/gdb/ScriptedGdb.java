package dev.mimic.gdb;

import dev.mimic.backend.machine.Machine;
import dev.mimic.gdb.target.GdbTarget;
import dev.mimic.gdb.wire.Hex;
import dev.mimic.gdb.wire.PacketConnection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Plays gdb's side of a session from a script: frames packets as gdb does, runs a session until
 * the script is used up (the connection closes), and splits what the stub sent into
 * acknowledgements and reply payloads, checking every reply's checksum.
 */
final class ScriptedGdb {
    private final StringBuilder script = new StringBuilder();

    /** A packet with a correct checksum. */
    ScriptedGdb send(String payload) {
        script.append(frame(payload));
        return this;
    }

    /** Bytes as they are (bad checksums, acks, the interrupt byte). */
    ScriptedGdb raw(String bytes) {
        script.append(bytes);
        return this;
    }

    static String frame(String payload) {
        int sum = 0;
        for (int i = 0; i < payload.length(); i++) {
            sum += payload.charAt(i);
        }
        return "$" + payload + "#" + Hex.byteText(sum);
    }

    Transcript run(Machine machine, GdbTarget target) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GdbSession session = new GdbSession(machine, target,
                new PacketConnection(new ByteArrayInputStream(script.toString().getBytes(StandardCharsets.ISO_8859_1)), out));
        SessionEnd end = session.serve();
        return new Transcript(end, out.toString(StandardCharsets.ISO_8859_1));
    }

    /** What the stub sent, as it sent it, and how the session ended. */
    record Transcript(SessionEnd end, String output) {
        /** The reply payloads in order. */
        List<String> replies() {
            List<String> replies = new ArrayList<>();
            for (int at = output.indexOf('$'); at >= 0; at = output.indexOf('$', at + 1)) {
                int hash = output.indexOf('#', at);
                String payload = output.substring(at + 1, hash);
                assertEquals(frame(payload), output.substring(at, hash + 3), "checksum of " + payload);
                replies.add(payload);
                at = hash;
            }
            return replies;
        }

        /** The acknowledgements, in order, without the packets between them. */
        String acks() {
            return output.replaceAll("\\$[^#]*#..", "");
        }
    }
}
