package dev.mimic.pc.boot;

import dev.mimic.backend.machine.MachineException;
import dev.mimic.backend.memory.FlatMemory;
import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.firmware.FwCfg;
import dev.mimic.pc.memory.RamLayout;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KernelLoaderTest {
    static final int RAM = 32 << 20;
    final FlatMemory memory = new FlatMemory(RAM);
    final BzImage image = BzImage.parse("vmlinuz", SyntheticBzImage.build());
    final byte[] initrd = "initrd contents".getBytes(StandardCharsets.US_ASCII);

    @Test
    void directBootLoadsKernelInitrdCmdlineAndGdt() {
        BootEntry entry = DirectKernelLoader.load(memory, RamLayout.of(RAM), image, initrd, "initrd.img", "console=ttyS0");
        assertEquals(new BootEntry(0x100000, 0x10000, 0x5000, 31), entry);
        assertArrayEquals(image.kernel(), bytes(0x100000, SyntheticBzImage.KERNEL_BYTES));
        long initrdAt = memory.load32(0x10000 + 0x218) & 0xFFFFFFFFL;
        assertEquals(initrd.length, memory.load32(0x10000 + 0x21C));
        assertEquals(0, initrdAt & 0xFFF, "page aligned");
        assertEquals(RAM - 0x20000 - 0x1000, initrdAt, "as high as allowed, below the ACPI reserve");
        assertArrayEquals(initrd, bytes(initrdAt, initrd.length));
        assertEquals(0x20000, memory.load32(0x10000 + 0x228));
        assertEquals("console=ttyS0\0", new String(bytes(0x20000, 14), StandardCharsets.US_ASCII));
        assertEquals(0x00CF9A000000FFFFL, memory.load64(0x5000 + 0x10));
        assertEquals(0x00CF92000000FFFFL, memory.load64(0x5000 + 0x18));
    }

    @Test
    void zeroPageHoldsHeaderE820AndScreenInfo() {
        DirectKernelLoader.load(memory, RamLayout.of(RAM), image, null, "", "");
        int zp = 0x10000;
        assertEquals(0x53726448, memory.load32(zp + 0x202), "setup header copied");
        assertEquals(0x020F, memory.load16(zp + 0x206));
        assertEquals(0xFF, memory.load8(zp + 0x210), "type_of_loader: undefined");
        assertEquals(0, memory.load32(zp + 0x218), "no initrd");
        assertEquals(0, memory.load8(zp + 0x268), "nothing past the header's end");
        assertEquals(5, memory.load8(zp + 0x1E8));
        assertEquals(0x100000, memory.load64(zp + 0x2D0 + 3 * 20));
        assertEquals(RAM - 0x100000, memory.load64(zp + 0x2D0 + 3 * 20 + 8));
        assertEquals(1, memory.load32(zp + 0x2D0 + 3 * 20 + 16));
        assertEquals(31 * 1024, memory.load16(zp + 0x002));
        assertEquals(31 * 1024, memory.load32(zp + 0x1E0));
        assertEquals(3, memory.load8(zp + 0x06));
        assertEquals(80, memory.load8(zp + 0x07));
        assertEquals(25, memory.load8(zp + 0x0E));
        assertEquals(1, memory.load8(zp + 0x0F));
    }

    @Test
    void initrdStaysBelowInitrdAddrMax() {
        byte[] bytes = SyntheticBzImage.build();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(0x22C, 0x00FF_FFFF);
        DirectKernelLoader.load(memory, RamLayout.of(RAM), BzImage.parse("vmlinuz", bytes), initrd, "initrd.img", "");
        assertEquals(0x00FF_F000, memory.load32(0x10000 + 0x218));
    }

    @Test
    void whatDoesNotFitIsRefusedWithOneLine() {
        assertEquals("the kernel command line is 2048 bytes; vmlinuz takes at most 2047",
                assertThrows(MachineException.class, () -> DirectKernelLoader.load(memory, RamLayout.of(RAM), image, null, "", "x".repeat(2048))).getMessage());
        byte[] huge = new byte[RAM];
        assertEquals("initrd.img: 33554432 bytes do not fit between the kernel's end 0x120000 and 0x1fe0000",
                assertThrows(BootImageException.class, () -> DirectKernelLoader.load(memory, RamLayout.of(RAM), image, huge, "initrd.img", "")).getMessage());
        assertEquals("vmlinuz: the kernel needs RAM up to 0x120000 but there is only 0x100000",
                assertThrows(BootImageException.class, () -> DirectKernelLoader.load(memory, new RamLayout(0x100000, 0), image, null, "", "")).getMessage());
    }

    @Test
    void firmwareBootPublishesQemuKernelItems() {
        FwCfg cfg = new FwCfg(memory);
        IoBus bus = new IoBus();
        cfg.attach(bus);
        byte[] rom = {0x55, (byte) 0xAA, 1};
        FwCfgKernelLoader.install(cfg, RamLayout.of(RAM), image, initrd, "initrd.img", "quiet", rom);
        assertEquals(0x10000, u32(bus, 0x16));
        assertEquals(SyntheticBzImage.SETUP_BYTES, u32(bus, 0x17));
        assertEquals(0x100000, u32(bus, 0x07));
        assertEquals(SyntheticBzImage.KERNEL_BYTES, u32(bus, 0x08));
        assertEquals(0x20000, u32(bus, 0x13));
        assertEquals(6, u32(bus, 0x14));
        assertEquals(RAM - 0x20000 - 0x1000, u32(bus, 0x0A));
        assertEquals(initrd.length, u32(bus, 0x0B));
        ByteBuffer setup = ByteBuffer.wrap(item(bus, 0x18, SyntheticBzImage.SETUP_BYTES)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xB0, setup.get(0x210) & 0xFF, "QEMU's loader ID");
        assertEquals(0x81, setup.get(0x211) & 0xFF, "CAN_USE_HEAP added");
        assertEquals(0xFE00, setup.getShort(0x224) & 0xFFFF);
        assertEquals(0x20000, setup.getInt(0x228));
        assertEquals(RAM - 0x20000 - 0x1000, setup.getInt(0x218));
        assertArrayEquals(image.kernel(), item(bus, 0x11, SyntheticBzImage.KERNEL_BYTES));
        assertArrayEquals(initrd, item(bus, 0x12, initrd.length));
        assertEquals("quiet\0", new String(item(bus, 0x15, 6), StandardCharsets.US_ASCII));
        assertArrayEquals(rom, item(bus, 0x20, 3), "the first fw_cfg file is the option ROM");
    }

    static byte[] item(IoBus bus, int key, int length) {
        bus.out(0x510, 2, key);
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) bus.in(0x511, 1);
        }
        return data;
    }

    static int u32(IoBus bus, int key) {
        return ByteBuffer.wrap(item(bus, key, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    byte[] bytes(long address, int length) {
        byte[] out = new byte[length];
        memory.read(address, out, 0, length);
        return out;
    }
}
