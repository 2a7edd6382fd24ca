package dev.mimic.pc.firmware;

import dev.mimic.backend.memory.FlatMemory;
import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.memory.RamLayout;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FwCfgTest {
    final FlatMemory memory = new FlatMemory(1 << 20);
    final IoBus bus = new IoBus();
    final FwCfg cfg = new FwCfg(memory);

    FwCfgTest() {
        cfg.attach(bus);
    }

    byte[] readItem(int key, int length) {
        bus.out(0x510, 2, key);
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) bus.in(0x511, 1);
        }
        return data;
    }

    /** Builds a DMA request at 0x1000 and starts it the way SeaBIOS does (two big-endian outl). */
    int dma(int control, int length, long address) {
        memory.store32(0x1000, Integer.reverseBytes(control));
        memory.store32(0x1004, Integer.reverseBytes(length));
        memory.store64(0x1008, Long.reverseBytes(address));
        bus.out(0x514, 4, Integer.reverseBytes(0));
        bus.out(0x518, 4, Integer.reverseBytes(0x1000));
        return Integer.reverseBytes(memory.load32(0x1000));
    }

    @Test
    void signatureAndIdThroughTheDataPort() {
        assertEquals("QEMU", new String(readItem(0x00, 4), StandardCharsets.US_ASCII));
        assertArrayEquals(new byte[] {3, 0, 0, 0}, readItem(0x01, 4), "traditional and DMA interfaces");
        assertArrayEquals(new byte[] {0, 0}, readItem(0x7777, 2), "unknown items read as zeros");
    }

    @Test
    void dmaRegisterReadsAsQemuCfgSignature() {
        int high = bus.in(0x514, 4);
        int low = bus.in(0x518, 4);
        assertEquals(0x51454D55_20434647L, (long) Integer.reverseBytes(high) << 32 | Integer.reverseBytes(low) & 0xFFFFFFFFL);
    }

    @Test
    void selectingRestartsAndReadsPastTheEndGiveZeros() {
        cfg.put(0x30, new byte[] {1, 2});
        assertArrayEquals(new byte[] {1, 2, 0}, readItem(0x30, 3));
        assertArrayEquals(new byte[] {1}, readItem(0x30, 1));
    }

    @Test
    void fileDirectoryListsFilesBigEndian() {
        cfg.putFile("etc/one", new byte[3]);
        cfg.putFile("opt/two", new byte[70000]);
        ByteBuffer dir = ByteBuffer.wrap(readItem(0x19, 4 + 2 * 64)).order(ByteOrder.BIG_ENDIAN);
        assertEquals(2, dir.getInt());
        assertEquals(3, dir.getInt());
        assertEquals(0x20, dir.getShort());
        dir.getShort();
        byte[] name = new byte[56];
        dir.get(name);
        assertEquals("etc/one", new String(name, StandardCharsets.US_ASCII).replace("\0", ""));
        assertEquals(70000, dir.getInt());
        assertEquals(0x21, dir.getShort());
        assertThrows(IllegalArgumentException.class, () -> cfg.putFile("x".repeat(56), new byte[0]));
    }

    @Test
    void dmaSelectReadCopiesAndZeroFills() {
        cfg.put(0x30, new byte[] {9, 8, 7});
        assertEquals(0, dma(0x30 << 16 | 0x08 | 0x02, 5, 0x2000));
        assertArrayEquals(new byte[] {9, 8, 7, 0, 0}, bytes(0x2000, 5));
    }

    @Test
    void dmaSkipThenReadContinuesWhereTheSkipEnded() {
        cfg.put(0x30, new byte[] {1, 2, 3, 4});
        dma(0x30 << 16 | 0x08 | 0x04, 2, 0);
        dma(0x02, 2, 0x2000);
        assertArrayEquals(new byte[] {3, 4}, bytes(0x2000, 2));
    }

    @Test
    void dmaWriteToAReadOnlyItemReportsAnError() {
        assertEquals(0x01, dma(0x00 << 16 | 0x08 | 0x10, 4, 0x2000));
    }

    @Test
    void machineSettingsGiveRamCpusAndE820() {
        new FwCfgSettings(RamLayout.of(256L << 20), 2, true, List.of("/pci@i0cf8/ide@1,1/drive@0/disk@0")).applyTo(cfg);
        assertEquals(256L << 20, ByteBuffer.wrap(readItem(0x03, 8)).order(ByteOrder.LITTLE_ENDIAN).getLong());
        assertArrayEquals(new byte[] {2, 0}, readItem(0x05, 2));
        assertArrayEquals(new byte[] {1, 0}, readItem(0x04, 2));
        assertArrayEquals(new byte[] {1, 0, 0, 0}, readItem(0x8002, 4), "IRQ 0 on I/O APIC pin 2");
        ByteBuffer e820 = ByteBuffer.wrap(readItem(0x20, 20)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, e820.getLong());
        assertEquals(256L << 20, e820.getLong());
        assertEquals(1, e820.getInt());
        assertEquals("/pci@i0cf8/ide@1,1/drive@0/disk@0\0", new String(readItem(0x21, 34), StandardCharsets.US_ASCII));
        assertArrayEquals(new byte[] {(byte) 0xF8, 0x03}, readItem(0x22, 2), "etc/sercon-port: SeaBIOS's console on COM1 without a display");
    }

    byte[] bytes(long address, int length) {
        byte[] out = new byte[length];
        memory.read(address, out, 0, length);
        return out;
    }
}
