package dev.mimic.gdb.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HexTest {
    @Test
    void bytesRoundTripAsLowerCasePairs() {
        byte[] b = {0, 0x7F, (byte) 0x80, (byte) 0xFF};
        assertEquals("007f80ff", Hex.encode(b));
        assertArrayEquals(b, Hex.decode("007F80ff"));
    }

    @Test
    void numbersUpToSixteenDigits() {
        assertEquals(0x804970dL, Hex.parse("804970d"));
        assertEquals(-1L, Hex.parse("ffffffffffffffff"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "g", "12345678901234567", "-1", "0x10", " 1", "\u00b2"})
    void badNumbersAreMalformedPackets(String text) {
        assertThrows(MalformedPacketException.class, () -> Hex.parse(text));
    }

    @Test
    void oddDigitCountIsMalformed() {
        assertThrows(MalformedPacketException.class, () -> Hex.decode("abc"));
    }

    @Test
    void binaryEscapesExactlyTheFramingCharacters() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        String escaped = Binary.escape(all);
        assertEquals(256 + 4, escaped.length());
        assertArrayEquals(all, Binary.unescape(escaped));
        assertThrows(MalformedPacketException.class, () -> Binary.unescape("ab}"));
    }
}
