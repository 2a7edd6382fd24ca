package dev.mimic.pc.timer;

import dev.mimic.pc.bus.IrqLine;
import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.clock.Oscillator;
import dev.mimic.pc.clock.VirtualClock;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PitCountingProperties {
    /** In mode 2 the counter reads N - (d mod N) after d input ticks, and has interrupted floor(d / N) times. */
    @Property
    void rateGeneratorCountsAndInterrupts(@ForAll @IntRange(min = 2, max = 65535) int n,
                                          @ForAll @LongRange(min = 0, max = 5_000_000) long ticks) {
        VirtualClock clock = new VirtualClock();
        int[] edges = {0};
        boolean[] level = {false};
        IrqLine line = high -> {
            if (high && !level[0]) {
                edges[0]++;
            }
            level[0] = high;
        };
        IoBus bus = new IoBus();
        new Pit8254(clock, line).attach(bus);
        bus.out(0x43, 1, 0x34);
        bus.out(0x40, 1, n & 0xFF);
        bus.out(0x40, 1, n >> 8);
        edges[0] = 0;
        clock.advanceTo(Oscillator.PIT.nanosAt(ticks));
        bus.out(0x43, 1, 0x00);
        int value = bus.in(0x40, 1) | bus.in(0x40, 1) << 8;
        assertEquals(n - ticks % n, value);
        assertEquals(ticks / n, edges[0]);
    }
}
