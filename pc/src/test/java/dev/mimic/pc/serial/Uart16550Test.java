package dev.mimic.pc.serial;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.clock.VirtualClock;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Uart16550Test {
    static final int COM1 = 0x3F8;

    /** A backend the test types into and reads from. */
    static final class ScriptedBackend implements SerialBackend {
        final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        final ArrayDeque<Integer> typed = new ArrayDeque<>();

        @Override
        public void write(int b) {
            sent.write(b);
        }

        @Override
        public int read() {
            Integer b = typed.poll();
            return b == null ? -1 : b;
        }

        @Override
        public boolean readable() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    final VirtualClock clock = new VirtualClock();
    final ScriptedBackend backend = new ScriptedBackend();
    boolean irq;
    final IoBus bus = new IoBus();
    final Uart16550 uart = new Uart16550(clock, level -> irq = level, backend);

    Uart16550Test() {
        uart.attach(bus, COM1);
    }

    @Test
    void transmittedBytesReachTheBackendAndThrStaysEmpty() {
        for (char c : "hi\n".toCharArray()) {
            bus.out(COM1, 1, c);
        }
        assertEquals("hi\n", backend.sent.toString());
        assertEquals(0x60, bus.in(COM1 + 5, 1) & 0x60, "THRE and TEMT");
    }

    @Test
    void divisorLatchSitsBehindDlab() {
        bus.out(COM1 + 3, 1, 0x83);
        bus.out(COM1, 1, 0x01);
        bus.out(COM1 + 1, 1, 0x00);
        assertEquals(0x01, bus.in(COM1, 1));
        bus.out(COM1 + 3, 1, 0x03);
        bus.out(COM1 + 1, 1, 0x05);
        assertEquals(0x05, bus.in(COM1 + 1, 1), "IER again");
        assertEquals(0x03, bus.in(COM1 + 3, 1));
    }

    @Test
    void receivedDataInterruptsThroughOut2() {
        bus.out(COM1 + 1, 1, 0x01);
        uart.receive('x');
        assertFalse(irq, "OUT2 clear: the PC's interrupt gate is closed");
        bus.out(COM1 + 4, 1, 0x0B);
        assertTrue(irq);
        assertEquals(0x04, bus.in(COM1 + 2, 1));
        assertEquals(0x01, bus.in(COM1 + 5, 1) & 0x01);
        assertEquals('x', bus.in(COM1, 1));
        assertFalse(irq);
        assertEquals(0x01, bus.in(COM1 + 2, 1));
    }

    @Test
    void thrEmptyInterruptIsClearedByReadingIirAndRaisedByEachWrite() {
        bus.out(COM1 + 4, 1, 0x08);
        bus.out(COM1 + 1, 1, 0x02);
        assertTrue(irq, "enabling ETBEI with THR empty interrupts at once");
        assertEquals(0x02, bus.in(COM1 + 2, 1));
        assertFalse(irq);
        bus.out(COM1, 1, 'a');
        assertTrue(irq);
    }

    @Test
    void lineStatusOutranksReceivedDataAndOverrunIsLatched() {
        bus.out(COM1 + 4, 1, 0x08);
        bus.out(COM1 + 1, 1, 0x05);
        uart.receive('1');
        uart.receive('2');
        assertEquals(0x06, bus.in(COM1 + 2, 1), "the second byte overran the one-byte holding register");
        assertEquals(0x03, bus.in(COM1 + 5, 1) & 0x03);
        assertEquals(0x00, bus.in(COM1 + 5, 1) & 0x02, "reading LSR clears OE");
        assertEquals(0x04, bus.in(COM1 + 2, 1));
        assertEquals('1', bus.in(COM1, 1));
    }

    @Test
    void fifoTriggerLevelAndCharacterTimeout() {
        bus.out(COM1 + 2, 1, 0x87);
        bus.out(COM1 + 4, 1, 0x08);
        bus.out(COM1 + 1, 1, 0x01);
        assertEquals(0xC1, bus.in(COM1 + 2, 1), "FIFOs enabled, nothing pending");
        for (int i = 0; i < 7; i++) {
            uart.receive('0' + i);
        }
        assertFalse(irq, "7 bytes, trigger level 8");
        uart.receive('7');
        assertTrue(irq);
        assertEquals(0xC4, bus.in(COM1 + 2, 1));
        for (int i = 0; i < 6; i++) {
            bus.in(COM1, 1);
        }
        assertFalse(irq);
        clock.advanceBy(4 * 10 * 12 * 1_000_000_000L / 115_200 + 1);
        assertTrue(irq);
        assertEquals(0xCC, bus.in(COM1 + 2, 1), "character timeout");
        bus.in(COM1, 1);
        bus.in(COM1, 1);
        assertEquals(0, bus.in(COM1 + 5, 1) & 1);
        assertFalse(irq);
    }

    @Test
    void sixteenByteFifoOverrunsOnTheSeventeenth() {
        bus.out(COM1 + 2, 1, 0x01);
        for (int i = 0; i < 17; i++) {
            uart.receive(i);
        }
        assertEquals(0x03, bus.in(COM1 + 5, 1) & 0x03);
        for (int i = 0; i < 16; i++) {
            assertEquals(i, bus.in(COM1, 1));
        }
        assertEquals(0, bus.in(COM1 + 5, 1) & 1);
    }

    @Test
    void loopbackReturnsTransmittedBytesAndMirrorsModemLines() {
        bus.out(COM1 + 4, 1, 0x10 | 0x0F);
        bus.out(COM1, 1, 'L');
        assertEquals("", backend.sent.toString());
        assertEquals('L', bus.in(COM1, 1));
        assertEquals(0xF0, bus.in(COM1 + 6, 1) & 0xF0);
        bus.out(COM1 + 4, 1, 0x10);
        assertEquals(0x0F, bus.in(COM1 + 6, 1) & 0x0F, "all four inputs changed; RI fell");
        assertEquals(0x00, bus.in(COM1 + 6, 1), "deltas clear on read");
    }

    @Test
    void modemStatusInterruptHasTheLowestPriority() {
        bus.out(COM1 + 4, 1, 0x10);
        bus.out(COM1 + 1, 1, 0x0A);
        bus.out(COM1 + 4, 1, 0x12);
        assertEquals(0x02, bus.in(COM1 + 2, 1), "THRE first");
        assertEquals(0x00, bus.in(COM1 + 2, 1), "then modem status");
        bus.in(COM1 + 6, 1);
        assertEquals(0x01, bus.in(COM1 + 2, 1));
    }

    @Test
    void hostInputIsPolledIntoTheFifo() {
        bus.out(COM1 + 2, 1, 0x01);
        backend.typed.add((int) 'o');
        backend.typed.add((int) 'k');
        clock.advanceBy(1_000_000);
        assertEquals('o', bus.in(COM1, 1));
        assertEquals('k', bus.in(COM1, 1));
    }

    @Test
    void scratchRegisterHoldsAByte() {
        bus.out(COM1 + 7, 1, 0x5A);
        assertEquals(0x5A, bus.in(COM1 + 7, 1));
    }
}
