package dev.mimic.x86.protect;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DescriptorTest {
    @Test
    void flatCodeSegment() {
        Descriptor d = new Descriptor(0x0000FFFF, 0x00CF9A00);
        assertEquals(0, d.base());
        assertEquals(-1, d.limit());
        assertTrue(d.code());
        assertTrue(d.readable());
        assertTrue(d.big());
        assertFalse(d.conforming());
        assertEquals(0, d.dpl());
        assertTrue(d.present());
    }

    @Test
    void byteGranularDataSegmentWithBase() {
        Descriptor d = new Descriptor(0x56780FFF, 0x12409234 | 3 << 13);
        assertEquals(0x12345678, d.base());
        assertEquals(0xFFF, d.limit());
        assertTrue(d.writableData());
        assertEquals(3, d.dpl());
    }

    @Test
    void gatesNameTheirTarget() {
        Descriptor interrupt = new Descriptor(0x0008_5678, 0x1234_8E00);
        assertEquals(Descriptor.INTERRUPT_GATE32, interrupt.type());
        assertEquals(8, interrupt.gateSelector());
        assertEquals(0x12345678, interrupt.gateOffset());
        Descriptor call16 = new Descriptor(0x0010_5678, 0x1234_E403);
        assertEquals(0x5678, call16.gateOffset(), "a 16-bit gate has no high offset");
        assertEquals(3, call16.gateParameters());
        assertFalse(call16.segment());
    }
}
