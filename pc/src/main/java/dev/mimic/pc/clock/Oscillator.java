package dev.mimic.pc.clock;

/**
 * A crystal of {@code hertz} counted against nanoseconds: the PIT's 1.193182 MHz, the RTC's
 * 32.768 kHz. Conversions split off whole seconds first so they stay exact for centuries of
 * virtual time without overflowing a long.
 */
public record Oscillator(long hertz) {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** The 8254's input clock, 14.31818 MHz / 12. */
    public static final Oscillator PIT = new Oscillator(1_193_182);
    /** The MC146818's time base crystal. */
    public static final Oscillator RTC = new Oscillator(32_768);

    /** Whole cycles completed by {@code nanos}. */
    public long ticksAt(long nanos) {
        return nanos / NANOS_PER_SECOND * hertz + nanos % NANOS_PER_SECOND * hertz / NANOS_PER_SECOND;
    }

    /** The first nanosecond at which {@code ticks} cycles have completed. */
    public long nanosAt(long ticks) {
        long partial = ticks % hertz * NANOS_PER_SECOND;
        return ticks / hertz * NANOS_PER_SECOND + (partial + hertz - 1) / hertz;
    }
}
