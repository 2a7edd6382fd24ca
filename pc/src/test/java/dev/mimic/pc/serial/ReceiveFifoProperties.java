package dev.mimic.pc.serial;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.clock.VirtualClock;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayDeque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReceiveFifoProperties {
    /**
     * Any interleaving of arriving bytes (non-negative steps) and host reads (negative steps) behaves
     * as a 16-entry queue that drops what arrives when full and flags it with LSR.OE, which a read
     * of LSR clears; DR says whether anything is waiting.
     */
    @Property(tries = 300)
    void receiveFifoIsABoundedQueue(@ForAll @Size(max = 60) List<@IntRange(min = -1, max = 255) Integer> steps) {
        IoBus bus = new IoBus();
        Uart16550 uart = new Uart16550(new VirtualClock(), level -> { }, new Uart16550Test.ScriptedBackend());
        uart.attach(bus, 0x3F8);
        bus.out(0x3FA, 1, 0x07);
        ArrayDeque<Integer> model = new ArrayDeque<>();
        boolean overrun = false;
        for (int step : steps) {
            if (step >= 0) {
                if (model.size() == 16) {
                    overrun = true;
                } else {
                    model.add(step);
                }
                uart.receive(step);
            } else {
                int lsr = bus.in(0x3FD, 1);
                assertEquals(model.isEmpty() ? 0 : 1, lsr & 0x01);
                assertEquals(overrun ? 0x02 : 0, lsr & 0x02);
                overrun = false;
                if (!model.isEmpty()) {
                    assertEquals(model.poll(), bus.in(0x3F8, 1));
                }
            }
        }
    }
}
