package dev.mimic.pc.pic;

import dev.mimic.pc.bus.IoBus;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PicPriorityProperties {
    /**
     * With any set of master requests, any mask and any rotation, the vector delivered is the first
     * unmasked requested level counting up from the one after the lowest-priority level.
     */
    @Property
    void deliversTheHighestPriorityUnmaskedRequest(@ForAll @IntRange(min = 1, max = 0xFB) int requests,
                                                   @ForAll @IntRange(max = 0xFF) int mask,
                                                   @ForAll @IntRange(max = 7) int lowest) {
        int wanted = requests & ~0x04;
        IoBus bus = new IoBus();
        PicPair pic = new PicPair();
        pic.attach(bus);
        PicPairTest.initialise(bus, 0x01);
        bus.out(0x21, 1, mask);
        bus.out(0x20, 1, 0xC0 | lowest);
        for (int irq = 0; irq < 8; irq++) {
            if ((wanted & (1 << irq)) != 0) {
                pic.line(irq).set(true);
            }
        }
        int expected = -1;
        for (int i = 1; i <= 8 && expected < 0; i++) {
            int irq = (lowest + i) & 7;
            if ((wanted & ~mask & (1 << irq)) != 0) {
                expected = irq;
            }
        }
        assertEquals(expected >= 0, pic.pending());
        if (expected >= 0) {
            assertEquals(0x20 + expected, pic.acknowledge());
        }
    }
}
