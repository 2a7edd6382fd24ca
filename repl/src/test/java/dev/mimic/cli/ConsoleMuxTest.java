package dev.mimic.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleMuxTest {
    static ConsoleMux typed(String keys) {
        return new ConsoleMux(new ByteArrayInputStream(keys.getBytes(StandardCharsets.ISO_8859_1)));
    }

    static String guestReads(ConsoleMux mux) throws IOException {
        return new String(mux.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void ctrlACSwitchesLinesToTheMonitorAndBack() throws IOException {
        ConsoleMux mux = typed("ls\n\u0001cscreendump a.png\r\n\u0001cpwd\n");
        assertEquals("ls\npwd\n", guestReads(mux));
        assertEquals("", mux.nextMonitorLine(), "entering the monitor asks for a prompt");
        assertEquals("screendump a.png", mux.nextMonitorLine());
        assertEquals("", mux.nextMonitorLine());
        assertNull(mux.nextMonitorLine());
        assertFalse(mux.inMonitor());
    }

    @Test
    void ctrlAXQuitsAndCtrlACtrlASendsOneCtrlA() throws IOException {
        ConsoleMux mux = typed("a\u0001\u0001b\u0001x");
        assertEquals("a\u0001b", guestReads(mux));
        assertEquals(ConsoleMux.QUIT, mux.nextMonitorLine());
    }

    @Test
    void stillInTheMonitorAtTheEnd() throws IOException {
        ConsoleMux mux = typed("\u0001cinfo registers\n");
        assertEquals("", guestReads(mux));
        assertTrue(mux.inMonitor());
    }
}
