package dev.mimic.pc.debug;

import dev.mimic.pc.bus.IoBus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DebugPortsTest {
    @Test
    void debugConsolesPrintBytesAndBothPortsReadBack0xE9() {
        IoBus bus = new IoBus();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DebugConsole console = new DebugConsole(out);
        console.attach(bus, DebugConsole.SEABIOS_PORT);
        console.attach(bus, DebugConsole.BOCHS_PORT);
        bus.out(0x402, 1, 'S');
        bus.out(0xE9, 1, 'B');
        assertEquals("SB", out.toString());
        assertEquals(0xE9, bus.in(0xE9, 1));
        assertEquals(0xE9, bus.in(0x402, 1), "SeaBIOS checks 0x402 reads back 0xE9 before printing there");
    }

    @Test
    void debugExitReportsTwiceTheValuePlusOne() {
        IoBus bus = new IoBus();
        List<Integer> statuses = new ArrayList<>();
        new DebugExit(statuses::add).attach(bus);
        bus.out(0xF4, 1, 0x10);
        bus.out(0xF4, 4, 0);
        assertEquals(List.of(0x21, 1), statuses);
    }
}
