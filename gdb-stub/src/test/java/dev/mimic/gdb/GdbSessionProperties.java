package dev.mimic.gdb;

import dev.mimic.gdb.wire.PacketConnection;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertNotNull;

class GdbSessionProperties {
    /** Packets made of the protocol's own letters and separators, the shapes most likely to trip a parser. */
    @Property(tries = 2000)
    void everyPacketGetsAReplyAndNoneEndsTheStub(
            @ForAll @StringLength(max = 40) @Chars({'g', 'G', 'm', 'M', 'X', 'p', 'P', 'Z', 'z', 'q', 'Q', 'v', 'H', '?',
                    ':', ',', ';', '=', '}', '-', 'x', 'f'}) @CharRange(from = '0', to = '9') String packet) throws IOException {
        GdbSession session = new GdbSession(TinyTarget.program(), TinyTarget.TARGET,
                new PacketConnection(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()));
        assertNotNull(session.answer(packet), packet);
    }
}
