package dev.mimic.pc.vga;

import dev.mimic.pc.bus.IoBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VgaTest {
    static final long TEXT = 0xB8000 - 0xA0000;
    final IoBus bus = new IoBus();
    final Vga vga = new Vga();
    final VgaMemory memory = vga.memory();

    @BeforeEach
    void setUp() {
        vga.attach(bus);
        vga.setTextMode3();
    }

    void seq(int index, int value) {
        bus.out(0x3C4, 2, value << 8 | index);
    }

    void gc(int index, int value) {
        bus.out(0x3CE, 2, value << 8 | index);
    }

    /** Loads one glyph into plane 2 the way a VGA BIOS loads its font: planar access, plane 2 only. */
    void loadGlyph(int code, int[] rows) {
        seq(2, 0x04);
        seq(4, 0x07);
        gc(4, 0x02);
        gc(5, 0x00);
        gc(6, 0x04);
        for (int line = 0; line < rows.length; line++) {
            memory.write(code * 32L + line, 1, rows[line]);
        }
        seq(2, 0x03);
        seq(4, 0x02);
        gc(4, 0x00);
        gc(5, 0x10);
        gc(6, 0x0E);
    }

    @Test
    void textWrittenAtB8000ReadsBackAsCharactersAndAttributes() {
        memory.write(TEXT, 2, 0x1F48);
        memory.write(TEXT + 2, 2, 0x1F69);
        memory.write(TEXT + 160, 1, 'x');
        assertEquals(0x1F48, memory.read(TEXT, 2));
        assertEquals(80, vga.screen().columns());
        assertEquals(25, vga.screen().rows());
        String[] lines = vga.screen().text().split("\n");
        assertEquals(25, lines.length);
        assertEquals("Hi" + " ".repeat(78), lines[0]);
        assertEquals("x", lines[1].strip());
    }

    @Test
    void renderingDrawsTheGlyphFromPlane2InPaletteColours() {
        int[] box = new int[16];
        box[0] = 0xFF;
        box[1] = 0x81;
        loadGlyph('#', box);
        memory.write(TEXT, 2, 0x1E00 | '#');
        bus.out(0x3D4, 2, 0x200A);
        BufferedImage image = vga.screen().render();
        assertEquals(720, image.getWidth());
        assertEquals(400, image.getHeight());
        int yellow = 0xFFFF57;
        int blue = 0x0000A8;
        assertEquals(yellow, image.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(yellow, image.getRGB(7, 0) & 0xFFFFFF);
        assertEquals(blue, image.getRGB(8, 0) & 0xFFFFFF, "ninth column of a non-line-graphics character is background");
        assertEquals(yellow, image.getRGB(0, 1) & 0xFFFFFF);
        assertEquals(blue, image.getRGB(1, 1) & 0xFFFFFF);
        assertEquals(blue, image.getRGB(0, 2) & 0xFFFFFF);
        assertEquals(0x000000, image.getRGB(9, 0) & 0xFFFFFF, "empty cells are black");
    }

    @Test
    void cursorCoversItsScanLinesInTheForegroundColour() {
        memory.write(TEXT + 2 * 81, 2, 0x0700);
        bus.out(0x3D4, 2, 0x000E);
        bus.out(0x3D4, 2, 81 << 8 | 0x0F);
        BufferedImage image = vga.screen().render();
        int grey = 0xA8A8A8;
        assertEquals(grey, image.getRGB(9, 16 + 13) & 0xFFFFFF, "mode 3 cursor: scan lines 13-14");
        assertEquals(0, image.getRGB(9, 16 + 12) & 0xFFFFFF);
    }

    @Test
    void writesPng(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("screen.png");
        vga.writePng(png);
        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(720, read.getWidth());
    }

    @Test
    void graphicsModesAreNotRenderedAsText() {
        gc(6, 0x05);
        assertThrows(IllegalStateException.class, () -> vga.screen().render());
    }

    @Test
    void writeModesAndLatches() {
        seq(4, 0x06);
        seq(2, 0x0F);
        gc(6, 0x05);
        memory.write(0, 1, 0xA5);
        gc(4, 3);
        assertEquals(0xA5, memory.read(0, 1), "write mode 0 stored the byte in every plane");
        gc(0, 0x01);
        gc(1, 0x0F);
        gc(8, 0xF0);
        memory.write(0, 1, 0x00);
        gc(4, 0);
        assertEquals(0xF5, memory.read(0, 1), "set/reset 1 under bit mask 0xF0, latches elsewhere");
        gc(4, 1);
        assertEquals(0x05, memory.read(0, 1));
        gc(1, 0);
        gc(8, 0xFF);
        memory.read(0, 1);
        gc(5, 0x01);
        memory.write(1, 1, 0);
        gc(5, 0x00);
        gc(4, 0);
        assertEquals(0xF5, memory.read(1, 1), "write mode 1 copies the latches");
        gc(3, 0x18);
        memory.read(0, 1);
        memory.write(0, 1, 0xFF);
        gc(4, 1);
        assertEquals(0xFA, memory.read(0, 1), "XOR with the latches");
    }

    @Test
    void colorCompareReadMode() {
        seq(4, 0x06);
        seq(2, 0x01);
        gc(6, 0x05);
        memory.write(0, 1, 0xF0);
        gc(2, 0x01);
        gc(7, 0x0F);
        gc(5, 0x08);
        assertEquals(0xF0, memory.read(0, 1));
    }

    @Test
    void registersReadBackAndCrtcProtection() {
        bus.out(0x3D4, 1, 0x11);
        bus.out(0x3D5, 1, 0x80);
        bus.out(0x3D4, 1, 0x01);
        bus.out(0x3D5, 1, 0x10);
        assertEquals(0x4F, bus.in(0x3D5, 1), "CR00-CR07 are write-protected");
        assertEquals(0xFF, bus.in(0x3B5, 1), "the mono CRTC address is off in colour mode");
        bus.in(0x3DA, 1);
        bus.out(0x3C0, 1, 0x01);
        bus.out(0x3C0, 1, 0x3C);
        bus.out(0x3C0, 1, 0x21);
        assertEquals(0x3C, bus.in(0x3C1, 1));
        bus.out(0x3C8, 1, 5);
        bus.out(0x3C9, 1, 0x3F);
        bus.out(0x3C9, 1, 0x20);
        bus.out(0x3C9, 1, 0x01);
        bus.out(0x3C7, 1, 5);
        assertEquals(0x3F, bus.in(0x3C9, 1));
        assertEquals(0x20, bus.in(0x3C9, 1));
        assertEquals(0x01, bus.in(0x3C9, 1));
        assertEquals(0x67, bus.in(0x3CC, 1));
        int first = bus.in(0x3DA, 1) & 0x08;
        assertEquals(first ^ 0x08, bus.in(0x3DA, 1) & 0x08, "retrace toggles so polling loops end");
    }
}
