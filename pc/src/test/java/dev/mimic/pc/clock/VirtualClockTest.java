package dev.mimic.pc.clock;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class VirtualClockTest {
    @Test
    void eventsFireInDeadlineOrderAtTheirOwnTime() {
        VirtualClock clock = new VirtualClock();
        List<String> fired = new ArrayList<>();
        ClockEvent late = clock.newEvent(() -> fired.add("late@" + clock.nanos()));
        ClockEvent early = clock.newEvent(() -> fired.add("early@" + clock.nanos()));
        late.schedule(300);
        early.schedule(100);
        assertEquals(100, clock.nextDeadline());
        clock.advanceTo(250);
        assertEquals(List.of("early@100"), fired);
        assertEquals(250, clock.nanos());
        clock.advanceBy(100);
        assertEquals(List.of("early@100", "late@300"), fired);
        assertEquals(Long.MAX_VALUE, clock.nextDeadline());
    }

    @Test
    void reschedulingAndCancellingReplaceTheDeadline() {
        VirtualClock clock = new VirtualClock();
        int[] count = {0};
        ClockEvent e = clock.newEvent(() -> count[0]++);
        e.schedule(10);
        e.schedule(20);
        clock.advanceTo(15);
        assertEquals(0, count[0]);
        e.cancel();
        assertFalse(e.scheduled());
        clock.advanceTo(100);
        assertEquals(0, count[0]);
    }

    @Test
    void periodicEventReschedulingItselfFiresEachPeriod() {
        VirtualClock clock = new VirtualClock();
        List<Long> times = new ArrayList<>();
        ClockEvent[] tick = new ClockEvent[1];
        tick[0] = clock.newEvent(() -> {
            times.add(clock.nanos());
            tick[0].schedule(clock.nanos() + 10);
        });
        tick[0].schedule(10);
        clock.advanceTo(35);
        assertEquals(List.of(10L, 20L, 30L), times);
    }

    @Test
    void oscillatorConversionsRoundTrip() {
        Oscillator pit = Oscillator.PIT;
        assertEquals(1_193_182, pit.ticksAt(1_000_000_000L));
        assertEquals(0, pit.ticksAt(837));
        assertEquals(1, pit.ticksAt(839));
        for (long t : new long[] {1, 2, 65536, 1_193_181, 1_193_183, 10_000_000_000_000L}) {
            long n = pit.nanosAt(t);
            assertEquals(t, pit.ticksAt(n));
            assertEquals(t - 1, pit.ticksAt(n - 1), "nanosAt gives the first nanosecond of tick " + t);
        }
    }
}
