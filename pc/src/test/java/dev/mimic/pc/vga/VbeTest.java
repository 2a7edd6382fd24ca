package dev.mimic.pc.vga;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.pci.PciFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Bochs VBE registers, the PCI function's windows and what a VBE mode shows. */
class VbeTest {
    static final long HOLE = 0x8000_0000L;
    static final long FRAMEBUFFER = 0xFD00_0000L;
    static final long MMIO = 0xFEBF_0000L;
    final IoBus bus = new IoBus();
    final Vga vga = new Vga();
    VgaBars bars;

    @BeforeEach
    void setUp() {
        vga.attach(bus);
        PciFunction pci = vga.pciFunction();
        pci.write(0x10, 4, (int) FRAMEBUFFER);
        pci.write(0x18, 4, (int) MMIO);
        pci.write(PciFunction.COMMAND, 2, 0x0003);
        bars = vga.pciMemory(HOLE);
    }

    void dispi(int index, int value) {
        bus.out(VbeRegisters.INDEX_PORT, 2, index);
        bus.out(VbeRegisters.DATA_PORT, 2, value);
    }

    int dispi(int index) {
        bus.out(VbeRegisters.INDEX_PORT, 2, index);
        return bus.in(VbeRegisters.DATA_PORT, 2);
    }

    void mode(int width, int height, int bpp) {
        dispi(VbeRegisters.XRES, width);
        dispi(VbeRegisters.YRES, height);
        dispi(VbeRegisters.BPP, bpp);
        dispi(VbeRegisters.ENABLE, VbeRegisters.ENABLED | VbeRegisters.LFB_ENABLED);
    }

    @Test
    void identifiesAsBochsVbeWithSixteenMegabytes() {
        assertEquals(0xB0C5, dispi(VbeRegisters.ID));
        dispi(VbeRegisters.ID, 0xB0C2);
        assertEquals(0xB0C2, dispi(VbeRegisters.ID));
        dispi(VbeRegisters.ID, 0x1234);
        assertEquals(0xB0C2, dispi(VbeRegisters.ID), "unknown versions are refused");
        assertEquals(256, dispi(VbeRegisters.VIDEO_MEMORY_64K));
        dispi(VbeRegisters.ENABLE, VbeRegisters.GETCAPS);
        assertEquals(32, dispi(VbeRegisters.BPP), "GETCAPS reports the largest mode");
    }

    @Test
    void pciFunctionIsQemusStandardVgaWithItsBarsSized() {
        PciFunction pci = new Vga().pciFunction();
        assertEquals(0x1111_1234, pci.read(0, 4));
        assertEquals(0x030000, pci.read(0x08, 4) >>> 8);
        pci.write(0x10, 4, -1);
        assertEquals(0xFF00_0008, pci.read(0x10, 4), "16 MiB, prefetchable");
        pci.write(0x18, 4, -1);
        assertEquals(0xFFFF_F000, pci.read(0x18, 4), "4 KiB of registers");
        assertEquals(0, pci.read(0x30, 4), "no ROM BAR without a VGA BIOS");
    }

    @Test
    void enablingAModeSetsTheVirtualScreenAndClearsMemory() {
        bars.write(FRAMEBUFFER - HOLE, 4, 0x12345678);
        mode(640, 480, 32);
        assertEquals(0, bars.read(FRAMEBUFFER - HOLE, 4), "cleared without NOCLEARMEM");
        assertEquals(640, dispi(VbeRegisters.VIRT_WIDTH));
        assertEquals(Vga.FRAMEBUFFER_SIZE / (640 * 4), dispi(VbeRegisters.VIRT_HEIGHT));
    }

    @Test
    void framebufferReachedThroughBar0AndTheBankedWindow() {
        mode(320, 200, 8);
        bars.write(FRAMEBUFFER - HOLE + 0x10005, 1, 0x42);
        dispi(VbeRegisters.BANK, 1);
        assertEquals(0x42, vga.memory().read(5, 1), "bank 1 of the window at 0xA0000");
        vga.memory().write(6, 1, 0x43);
        assertEquals(0x43, bars.read(FRAMEBUFFER - HOLE + 0x10006, 1));
        assertEquals(-1, bars.read(FRAMEBUFFER - HOLE - 4, 4), "nothing answers below the BAR");
        vga.pciFunction().write(PciFunction.COMMAND, 2, 0);
        assertEquals(-1, bars.read(FRAMEBUFFER - HOLE + 0x10005, 1), "memory decoding off");
    }

    @Test
    void registerWindowReachesVbeAndVgaRegisters() {
        bars.write(MMIO - HOLE + 0x500 + 2 * VbeRegisters.XRES, 2, 800);
        assertEquals(800, dispi(VbeRegisters.XRES));
        bars.write(MMIO - HOLE + 0x408, 1, 7);         // 0x3C8, DAC write index
        bars.write(MMIO - HOLE + 0x409, 1, 0x3F);
        assertEquals(7, bus.in(0x3C8, 1));
        assertEquals(0x1E1E1E1E, bars.read(MMIO - HOLE + 0x604, 4), "little-endian framebuffer");
    }

    @Test
    void rendersEveryDepthFromTheVisibleOffset() {
        mode(4, 2, 32);
        bars.write(FRAMEBUFFER - HOLE, 4, 0x00AABBCC);
        BufferedImage image = vga.render();
        assertEquals(4, image.getWidth());
        assertEquals(0xAABBCC, image.getRGB(0, 0) & 0xFFFFFF);

        dispi(VbeRegisters.ENABLE, 0);
        mode(4, 2, 16);
        bars.write(FRAMEBUFFER - HOLE + 8 + 2, 2, 0b11111_011111_00000);
        assertEquals(0xFF7D00, vga.render().getRGB(1, 1) & 0xFFFFFF, "5:6:5, each component's top bits repeated below it");

        dispi(VbeRegisters.ENABLE, 0);
        mode(4, 2, 24);
        dispi(VbeRegisters.Y_OFFSET, 1);
        bars.write(FRAMEBUFFER - HOLE + 12, 4, 0x00112233);
        assertEquals(0x112233, vga.render().getRGB(0, 0) & 0xFFFFFF, "panned down one line");
    }
}
