package dev.mimic.pc.cmos;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.clock.VirtualClock;
import dev.mimic.pc.memory.RamLayout;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Mc146818Test {
    static final long SECOND = 1_000_000_000L;
    final VirtualClock clock = new VirtualClock();
    boolean irq;
    int irqRises;
    final IoBus bus = new IoBus();
    final Mc146818 rtc = new Mc146818(clock, high -> {
        if (high && !irq) {
            irqRises++;
        }
        irq = high;
    }, LocalDateTime.of(2026, 2, 28, 23, 59, 58));

    Mc146818Test() {
        rtc.attach(bus);
    }

    int cmos(int index) {
        bus.out(0x70, 1, index);
        return bus.in(0x71, 1);
    }

    void cmos(int index, int value) {
        bus.out(0x70, 1, index);
        bus.out(0x71, 1, value);
    }

    @Test
    void timeReadsInBcdAndAdvancesWithTheVirtualClock() {
        assertEquals(0x58, cmos(0x00));
        assertEquals(0x59, cmos(0x02));
        assertEquals(0x23, cmos(0x04));
        assertEquals(0x28, cmos(0x07));
        assertEquals(0x02, cmos(0x08));
        assertEquals(0x26, cmos(0x09));
        assertEquals(0x20, cmos(0x32));
        assertEquals(0x07, cmos(0x06), "2026-02-28 is a Saturday: 7");
        clock.advanceBy(2 * SECOND);
        assertEquals(0x00, cmos(0x00));
        assertEquals(0x00, cmos(0x04));
        assertEquals(0x01, cmos(0x07));
        assertEquals(0x03, cmos(0x08), "2026 is no leap year");
    }

    @Test
    void binaryAndTwelveHourModes() {
        cmos(0x0B, 0x04);
        assertEquals(0x80 | 11, cmos(0x04), "23:00 is 11 PM, binary");
        assertEquals(59, cmos(0x02));
        cmos(0x0B, 0x00);
        assertEquals(0x80 | 0x11, cmos(0x04), "11 PM in BCD");
    }

    @Test
    void writingTimeWithSetHeldFreezesAndRestarts() {
        cmos(0x0B, 0x82);
        cmos(0x00, 0x30);
        cmos(0x02, 0x15);
        cmos(0x04, 0x10);
        cmos(0x07, 0x31);
        cmos(0x08, 0x12);
        cmos(0x09, 0x99);
        cmos(0x32, 0x19);
        clock.advanceBy(5 * SECOND);
        assertEquals(0x30, cmos(0x00), "frozen while SET");
        cmos(0x0B, 0x02);
        clock.advanceBy(SECOND);
        assertEquals(0x31, cmos(0x00));
        assertEquals(0x31, cmos(0x07));
        assertEquals(0x99, cmos(0x09));
        assertEquals(0x19, cmos(0x32));
    }

    @Test
    void writingOneFieldWhileRunningKeepsTheOthers() {
        clock.advanceBy(3 * SECOND);
        cmos(0x02, 0x42);
        assertEquals(0x42, cmos(0x02));
        assertEquals(0x01, cmos(0x07), "still 1 March");
        assertEquals(0x03, cmos(0x08));
        assertEquals(0x01, cmos(0x00));
    }

    @Test
    void updateInProgressSurroundsEachSecondBoundary() {
        clock.advanceBy(SECOND / 2);
        assertEquals(0x26, cmos(0x0A));
        clock.advanceBy(SECOND / 2 - 100_000);
        assertEquals(0xA6, cmos(0x0A));
        clock.advanceBy(1_000_000);
        assertEquals(0xA6, cmos(0x0A));
        clock.advanceBy(2_000_000);
        assertEquals(0x26, cmos(0x0A));
    }

    @Test
    void periodicInterruptAt1024HzRaisesIrq8UntilCIsRead() {
        cmos(0x0A, 0x26);
        cmos(0x0B, 0x42);
        clock.advanceBy(SECOND / 1024 + 1);
        assertTrue(irq);
        assertEquals(0xC0, cmos(0x0C) & 0xC0);
        assertFalse(irq, "reading C clears the flags and drops IRQ 8");
        irqRises = 0;
        clock.advanceBy(SECOND / 1024 * 10);
        assertTrue(irqRises >= 1);
    }

    @Test
    void periodicFlagIsSetWithoutThePeriodicInterruptEnabled() {
        cmos(0x0C);
        clock.advanceBy(SECOND / 100);
        assertEquals(0x40, cmos(0x0C) & 0xC0, "PF without IRQF");
        assertFalse(irq);
    }

    @Test
    void updateEndedAndAlarmInterrupts() {
        cmos(0x0B, 0x12);
        clock.advanceBy(SECOND);
        assertTrue(irq);
        assertEquals(0x90, cmos(0x0C) & 0xB0, "IRQF and UF");
        cmos(0x0B, 0x22);
        cmos(0x01, 0x05);
        cmos(0x03, 0xC0);
        cmos(0x05, 0xFF);
        clock.advanceBy(4 * SECOND);
        assertFalse(irq, "the alarm waits for second 05");
        clock.advanceBy(2 * SECOND);
        assertTrue(irq);
        assertEquals(0xA0, cmos(0x0C) & 0xA0, "IRQF and AF");
    }

    @Test
    void nvramBytesAndRegisterD() {
        cmos(0x40, 0x5A);
        assertEquals(0x5A, cmos(0x40));
        assertEquals(0x80, cmos(0x0D), "valid RAM and time");
        cmos(0x0D, 0x00);
        assertEquals(0x80, cmos(0x0D), "read-only");
    }

    @Test
    void indexBit7MasksNmiAndIsNotPartOfTheIndex() {
        bus.out(0x70, 1, 0x80 | 0x40);
        assertTrue(rtc.nmiMasked());
        bus.out(0x71, 1, 0x33);
        assertEquals(0x33, rtc.get(0x40));
        bus.out(0x70, 1, 0x40);
        assertFalse(rtc.nmiMasked());
    }

    @Test
    void settingsFillMemorySizesCpusAndBootOrder() {
        new CmosSettings(RamLayout.of(0x1_E000_0000L), 2, "dc").applyTo(rtc);
        assertEquals(0x280, rtc.get(0x15) | rtc.get(0x16) << 8);
        assertEquals(0xFFFF, rtc.get(0x17) | rtc.get(0x18) << 8);
        assertEquals(0xFFFF, rtc.get(0x30) | rtc.get(0x31) << 8);
        assertEquals((0xE000_0000L - 0x100_0000) / 0x10000, rtc.get(0x34) | rtc.get(0x35) << 8);
        assertEquals(0x10000, rtc.get(0x5B) | rtc.get(0x5C) << 8 | rtc.get(0x5D) << 16);
        assertEquals(1, rtc.get(0x5F));
        assertEquals(0x23, rtc.get(0x3D));
        assertEquals(0x01, rtc.get(0x38));
        new CmosSettings(RamLayout.of(32L << 20), 1, "c").applyTo(rtc);
        assertEquals(31 * 1024, rtc.get(0x17) | rtc.get(0x18) << 8);
        assertEquals(16 * 16, rtc.get(0x34) | rtc.get(0x35) << 8);
        assertThrows(IllegalArgumentException.class, () -> new CmosSettings(RamLayout.of(32L << 20), 1, "x"));
    }
}
