package dev.mimic.pc.pic;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.bus.IrqLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PicPairTest {
    final IoBus bus = new IoBus();
    final PicPair pic = new PicPair();

    /** The initialisation sequence Linux and SeaBIOS use: vectors 0x20 and 0x28, cascade on IRQ 2. */
    static void initialise(IoBus bus, int icw4) {
        bus.out(0x20, 1, 0x11);
        bus.out(0x21, 1, 0x20);
        bus.out(0x21, 1, 0x04);
        bus.out(0x21, 1, icw4);
        bus.out(0xA0, 1, 0x11);
        bus.out(0xA1, 1, 0x28);
        bus.out(0xA1, 1, 0x02);
        bus.out(0xA1, 1, icw4);
    }

    private final IrqLine[] wires = new IrqLine[16];

    /** Drives input n through one wire per input, as a single device would. */
    void irq(int n, boolean level) {
        if (wires[n] == null) {
            wires[n] = pic.line(n);
        }
        wires[n].set(level);
    }

    @BeforeEach
    void setUp() {
        pic.attach(bus);
        initialise(bus, 0x01);
    }

    @Test
    void edgeRequestIsDeliveredOnceWithItsVector() {
        irq(1, true);
        assertTrue(pic.pending());
        assertEquals(0x21, pic.acknowledge());
        assertFalse(pic.pending(), "in service blocks itself; the edge was consumed");
        assertEquals(0x02, pic.inService());
        bus.out(0x20, 1, 0x20);
        assertEquals(0, pic.inService());
        assertFalse(pic.pending(), "a held-high edge input does not request again");
        irq(1, false);
        irq(1, true);
        assertTrue(pic.pending());
    }

    @Test
    void lowerNumberHasPriorityAndNestingFollowsIt() {
        irq(4, true);
        irq(3, true);
        assertEquals(0x23, pic.acknowledge());
        assertFalse(pic.pending(), "IRQ 4 waits while IRQ 3 is in service");
        irq(0, true);
        assertEquals(0x20, pic.acknowledge(), "IRQ 0 outranks the one in service");
        bus.out(0x20, 1, 0x20);
        assertEquals(0x08, pic.inService(), "non-specific EOI ends the highest in service (IRQ 0)");
        bus.out(0x20, 1, 0x20);
        assertEquals(0x24, pic.acknowledge());
    }

    @Test
    void slaveRequestsCascadeThroughIrq2() {
        irq(14, true);
        assertTrue(pic.pending());
        assertEquals(0x2E, pic.acknowledge());
        assertEquals(0x4004, pic.inService());
        irq(8, true);
        assertFalse(pic.pending(), "the master's IRQ 2 is in service");
        bus.out(0xA0, 1, 0x20);
        bus.out(0x20, 1, 0x20);
        assertEquals(0x28, pic.acknowledge());
    }

    @Test
    void specialFullyNestedLetsAHigherSlaveRequestThrough() {
        initialise(bus, 0x11);
        irq(14, true);
        assertEquals(0x2E, pic.acknowledge());
        irq(8, true);
        assertEquals(0x28, pic.acknowledge(), "IRQ 8 outranks IRQ 14 inside the slave");
    }

    @Test
    void maskedInputsStayInIrrWithoutRequesting() {
        bus.out(0x21, 1, 0xFB);
        assertEquals(0xFB, bus.in(0x21, 1));
        irq(5, true);
        assertFalse(pic.pending());
        bus.out(0x20, 1, 0x0A);
        assertEquals(0x20, bus.in(0x20, 1), "OCW3 RR=1 RIS=0 reads IRR");
        bus.out(0x21, 1, 0x00);
        assertEquals(0x25, pic.acknowledge());
        bus.out(0x20, 1, 0x0B);
        assertEquals(0x20, bus.in(0x20, 1), "OCW3 RR=1 RIS=1 reads ISR");
    }

    @Test
    void specificEoiClearsTheNamedLevelOnly() {
        irq(3, true);
        irq(5, true);
        pic.acknowledge();
        bus.out(0x20, 1, 0x60 | 5);
        assertEquals(0x08, pic.inService(), "EOI for 5, not in service, leaves 3");
        bus.out(0x20, 1, 0x60 | 3);
        assertEquals(0, pic.inService());
    }

    @Test
    void levelTriggeredInputRequestsWhileHighAfterEoi() {
        bus.out(0x4D1, 1, 0xFF);
        assertEquals(0xDE, bus.in(0x4D1, 1), "IRQ 8 and 13 are edge-only");
        bus.out(0x4D0, 1, 0xFF);
        assertEquals(0xF8, bus.in(0x4D0, 1), "IRQ 0-2 are edge-only");
        irq(11, true);
        assertEquals(0x2B, pic.acknowledge());
        bus.out(0xA0, 1, 0x20);
        bus.out(0x20, 1, 0x20);
        assertTrue(pic.pending(), "still high: requests again");
        irq(11, false);
        assertFalse(pic.pending());
    }

    @Test
    void pollModeAcknowledgesThroughTheCommandPort() {
        irq(6, true);
        bus.out(0x20, 1, 0x0C);
        assertEquals(0x86, bus.in(0x20, 1));
        assertEquals(0x40, pic.inService());
        bus.out(0x20, 1, 0x0C);
        assertEquals(0x00, bus.in(0x20, 1));
    }

    @Test
    void autoEoiLeavesNothingInService() {
        initialise(bus, 0x03);
        irq(1, true);
        assertEquals(0x21, pic.acknowledge());
        assertEquals(0, pic.inService());
    }

    @Test
    void rotateOnNonSpecificEoiMakesTheServedLevelLowest() {
        irq(0, true);
        pic.acknowledge();
        bus.out(0x20, 1, 0xA0);
        irq(0, false);
        irq(0, true);
        irq(1, true);
        assertEquals(0x21, pic.acknowledge(), "after rotation IRQ 0 has the lowest priority");
    }

    @Test
    void setPriorityCommandRotatesExplicitly() {
        bus.out(0x20, 1, 0xC0 | 4);
        irq(3, true);
        irq(6, true);
        assertEquals(0x26, pic.acknowledge(), "IRQ 5 is now highest, then 6, ..., 4 lowest");
    }

    @Test
    void requestGoneBeforeAcknowledgeIsSpuriousIrq7() {
        bus.out(0x4D0, 1, 0x08);
        irq(3, true);
        assertTrue(pic.pending());
        irq(3, false);
        assertEquals(0x27, pic.acknowledge());
        assertEquals(0, pic.inService());
    }

    @Test
    void edgeRequestDroppedBeforeAcknowledgeIsSpuriousToo() {
        irq(4, true);
        irq(4, false);
        assertFalse(pic.pending());
        assertEquals(0x27, pic.acknowledge());
    }

    @Test
    void icw1ClearsMaskAndInService() {
        bus.out(0x21, 1, 0xFF);
        irq(1, true);
        initialise(bus, 0x01);
        assertEquals(0, pic.masks());
        assertFalse(pic.pending(), "ICW1 resets edge sense: the old request is gone");
    }

    @Test
    void devicesSharingAnInputAreOred() {
        IrqLine com1 = pic.line(4);
        IrqLine com3 = pic.line(4);
        com1.set(true);
        com3.set(false);
        assertTrue(pic.pending(), "an idle COM3 does not cancel COM1's request");
        assertEquals(0x24, pic.acknowledge());
        bus.out(0x20, 1, 0x20);
        com1.set(false);
        com3.set(true);
        assertTrue(pic.pending(), "low to high on the shared input: a new edge");
        com3.set(false);
        assertFalse(pic.pending());
    }

    @Test
    void theCascadeInputCannotBeDriven() {
        assertThrows(IllegalArgumentException.class, () -> pic.line(2));
    }
}
