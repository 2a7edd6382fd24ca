package dev.mimic.pc.timer;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.bus.IrqLine;
import dev.mimic.pc.clock.Oscillator;
import dev.mimic.pc.clock.VirtualClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PitTest {
    final VirtualClock clock = new VirtualClock();
    final List<Long> risingEdges = new ArrayList<>();
    boolean level;
    final IrqLine irq0 = high -> {
        if (high && !level) {
            risingEdges.add(clock.nanos());
        }
        level = high;
    };
    final IoBus bus = new IoBus();
    final Pit8254 pit = new Pit8254(clock, irq0);

    PitTest() {
        pit.attach(bus);
        new SystemControlPort(clock, pit).attach(bus);
    }

    void advanceTicks(long ticks) {
        clock.advanceTo(Oscillator.PIT.nanosAt(Oscillator.PIT.ticksAt(clock.nanos()) + ticks));
    }

    int readCounter(int channel) {
        int low = bus.in(0x40 + channel, 1);
        return low | bus.in(0x40 + channel, 1) << 8;
    }

    @Test
    void mode2RateGeneratorInterruptsOncePerPeriod() {
        program(0x34, 1193);
        risingEdges.clear();
        clock.advanceTo(10_000_000);
        assertEquals(10, risingEdges.size(), "1193 ticks is 0.99985 ms: ten periods in 10 ms");
        assertEquals(Oscillator.PIT.nanosAt(1193), risingEdges.get(0));
        assertEquals(Oscillator.PIT.nanosAt(1193 * 10L), risingEdges.get(9));
    }

    @Test
    void mode0InterruptsOnceAtTerminalCount() {
        program(0x30, 100);
        risingEdges.clear();
        assertFalse(level, "mode 0 output goes low when the count is written");
        advanceTicks(99);
        assertFalse(level);
        advanceTicks(1);
        assertTrue(level);
        advanceTicks(100_000);
        assertEquals(1, risingEdges.size());
        assertTrue(level, "and stays high");
    }

    @Test
    void anUnprogrammedCounterHoldsItsOutputHigh() {
        assertTrue(level);
        bus.out(0x43, 1, 0x34);
        assertTrue(level, "mode 2 keeps it high: no spurious first edge");
        assertEquals(1, risingEdges.size());
    }

    @Test
    void latchedCountHoldsWhileTheCounterRuns() {
        program(0x30, 0x1000);
        advanceTicks(0x100);
        bus.out(0x43, 1, 0x00);
        advanceTicks(0x100);
        assertEquals(0x0F00, readCounter(0));
        assertEquals(0x0E00, readCounter(0), "the latch is gone after both bytes were read");
    }

    @Test
    void readBackLatchesStatusThenCount() {
        bus.out(0x43, 1, 0x34);
        assertEquals(0x40 | 0x30 | 0x04 | 0x80, statusOf(0), "null count until the count is written; mode 2 output high");
        bus.out(0x40, 1, 0x00);
        bus.out(0x40, 1, 0x20);
        advanceTicks(0x10);
        bus.out(0x43, 1, 0xC2);
        assertEquals(0x34 | 0x80, bus.in(0x40, 1), "status first");
        assertEquals(0x1FF0, readCounter(0));
    }

    int statusOf(int channel) {
        bus.out(0x43, 1, 0xE0 | 2 << channel);
        return bus.in(0x40 + channel, 1);
    }

    @Test
    void lowOnlyAndHighOnlyAccess() {
        bus.out(0x43, 1, 0x10);
        bus.out(0x40, 1, 0x50);
        advanceTicks(0x10);
        assertEquals(0x40, bus.in(0x40, 1));
        assertEquals(0x40, bus.in(0x40, 1), "low-only reads never toggle");
        bus.out(0x43, 1, 0x20);
        bus.out(0x40, 1, 0x02);
        advanceTicks(0x80);
        assertEquals(0x01, bus.in(0x40, 1), "0x200 - 0x80 = 0x180, high byte");
    }

    @Test
    void bcdCountingCountsDownInDecimal() {
        program(0x31, 0x1000);
        advanceTicks(1);
        assertEquals(0x0999, readCounterLatched(0));
        advanceTicks(999);
        assertTrue(level);
    }

    /** A control word with low-then-high access, then the count for the channel it selects. */
    void program(int control, int count) {
        int port = 0x40 + (control >> 6);
        bus.out(0x43, 1, control);
        bus.out(port, 1, count & 0xFF);
        bus.out(port, 1, count >> 8);
    }

    int readCounterLatched(int channel) {
        bus.out(0x43, 1, channel << 6);
        return readCounter(channel);
    }

    @Test
    void mode3SquareWaveOnChannel2IsSeenOnPort61() {
        bus.out(0x61, 1, 0x01);
        program(0xB6, 100);
        assertEquals(0x20, bus.in(0x61, 1) & 0x20, "high for the first half");
        advanceTicks(50);
        assertEquals(0x00, bus.in(0x61, 1) & 0x20, "low for the second half");
        advanceTicks(50);
        assertEquals(0x20, bus.in(0x61, 1) & 0x20);
        assertEquals(0x01, bus.in(0x61, 1) & 0x0F);
    }

    @Test
    void gateLowStopsChannel2AndARisingEdgeReloads() {
        program(0xB4, 0x1000);
        advanceTicks(0x100);
        assertEquals(0x1000, readCounterLatched(2), "the gate starts low: nothing counted");
        bus.out(0x61, 1, 0x01);
        advanceTicks(0x100);
        assertEquals(0x0F00, readCounterLatched(2));
    }

    @Test
    void mode1OneShotStartsOnGateRisingEdge() {
        program(0xB2, 10);
        advanceTicks(100);
        assertEquals(0x20, bus.in(0x61, 1) & 0x20, "untriggered: output high");
        bus.out(0x61, 1, 0x01);
        advanceTicks(5);
        assertEquals(0x00, bus.in(0x61, 1) & 0x20);
        advanceTicks(5);
        assertEquals(0x20, bus.in(0x61, 1) & 0x20);
    }

    @Test
    void mode4StrobesLowForOneTick() {
        program(0x38, 20);
        risingEdges.clear();
        advanceTicks(19);
        assertTrue(level);
        advanceTicks(1);
        assertFalse(level);
        advanceTicks(1);
        assertTrue(level);
        assertEquals(1, risingEdges.size());
    }

    @Test
    void refreshBitTogglesEvery15Microseconds() {
        int before = bus.in(0x61, 1) & 0x10;
        clock.advanceBy(15_085);
        assertEquals(before ^ 0x10, bus.in(0x61, 1) & 0x10);
    }
}
