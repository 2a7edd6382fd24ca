package dev.mimic.gdb.wire;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacketConnectionTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private PacketConnection over(String input) {
        return new PacketConnection(new ByteArrayInputStream(input.getBytes(StandardCharsets.ISO_8859_1)), out);
    }

    private String sent() {
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsAPacketAndAcknowledgesIt() throws IOException {
        PacketConnection c = over("+$m0,4#fd");
        assertEquals(new Incoming.Packet("m0,4"), c.read());
        assertEquals("+", sent());
    }

    @Test
    void checksumIsCaseInsensitiveAndABadOneIsRefused() throws IOException {
        PacketConnection c = over("$g#67$g#00$G00#A7");
        assertEquals(new Incoming.Packet("g"), c.read());
        assertEquals(new Incoming.Packet("G00"), c.read());
        assertEquals("+-+", sent());
    }

    @Test
    void aDollarInsideAPacketStartsItAgain() throws IOException {
        assertEquals(new Incoming.Packet("g"), over("$qSup$g#67").read());
    }

    @Test
    void interruptByteOutsideAPacket() throws IOException {
        PacketConnection c = over("\u0003$g#67");
        assertInstanceOf(Incoming.Interrupt.class, c.read());
        assertEquals(new Incoming.Packet("g"), c.read());
    }

    @Test
    void sendFramesWithChecksum() throws IOException {
        over("").send("OK");
        assertEquals("$OK#9a", sent());
    }

    @Test
    void pendingInterruptSkipsAcksButLeavesPackets() throws IOException {
        assertTrue(over("++\u0003").interruptPending());
        PacketConnection c = over("+$g#67");
        assertFalse(c.interruptPending());
        assertEquals(new Incoming.Packet("g"), c.read());
        assertFalse(over("").interruptPending());
    }

    @Test
    void endOfStreamInsideAPacketIsTheClientGoing() {
        assertThrows(EOFException.class, () -> over("$m0,").read());
    }
}
