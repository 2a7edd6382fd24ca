package dev.mimic.pc.cmos;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.clock.VirtualClock;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RtcEncodingProperties {
    /**
     * Whatever the data mode (BCD or binary) and hour format, a date-time written field by field
     * under SET reads back as written, and one second later has advanced by exactly one second.
     */
    @Property(tries = 300)
    void timeWrittenUnderSetReadsBackInEveryMode(@ForAll @IntRange(min = 1980, max = 2099) int year,
                                                  @ForAll @IntRange(min = 1, max = 12) int month,
                                                  @ForAll @IntRange(min = 1, max = 28) int day,
                                                  @ForAll @IntRange(max = 23) int hour,
                                                  @ForAll @IntRange(max = 59) int minute,
                                                  @ForAll @IntRange(max = 58) int second,
                                                  @ForAll boolean binary, @ForAll boolean twentyFourHour) {
        VirtualClock clock = new VirtualClock();
        IoBus bus = new IoBus();
        new Mc146818(clock, level -> { }, LocalDateTime.of(2000, 1, 1, 0, 0)).attach(bus);
        int modes = (binary ? 0x04 : 0) | (twentyFourHour ? 0x02 : 0);
        write(bus, 0x0B, 0x80 | modes);
        int[] fields = {second, minute, -1, day, month, year % 100, year / 100};
        int[] registers = {0x00, 0x02, 0x04, 0x07, 0x08, 0x09, 0x32};
        for (int i = 0; i < fields.length; i++) {
            int value = registers[i] == 0x04 ? encodeHour(hour, binary, twentyFourHour) : encode(fields[i], binary);
            write(bus, registers[i], value);
        }
        write(bus, 0x0B, modes);
        clock.advanceBy(1_000_000_000L);
        assertEquals(encode(second + 1, binary), read(bus, 0x00));
        assertEquals(encode(minute, binary), read(bus, 0x02));
        assertEquals(encodeHour(hour, binary, twentyFourHour), read(bus, 0x04));
        assertEquals(encode(day, binary), read(bus, 0x07));
        assertEquals(encode(month, binary), read(bus, 0x08));
        assertEquals(encode(year % 100, binary), read(bus, 0x09));
        assertEquals(encode(year / 100, binary), read(bus, 0x32));
        int weekday = LocalDateTime.of(year, month, day, hour, minute).getDayOfWeek().getValue() % 7 + 1;
        assertEquals(encode(weekday, binary), read(bus, 0x06));
    }

    /** BCD is the decimal digits read as hexadecimal. */
    static int encode(int value, boolean binary) {
        return binary ? value : Integer.parseInt(Integer.toString(value), 16);
    }

    static int encodeHour(int hour, boolean binary, boolean twentyFourHour) {
        if (twentyFourHour) {
            return encode(hour, binary);
        }
        int twelve = hour % 12 == 0 ? 12 : hour % 12;
        return encode(twelve, binary) | (hour >= 12 ? 0x80 : 0);
    }

    static void write(IoBus bus, int index, int value) {
        bus.out(0x70, 1, index);
        bus.out(0x71, 1, value);
    }

    static int read(IoBus bus, int index) {
        bus.out(0x70, 1, index);
        return bus.in(0x71, 1);
    }
}
