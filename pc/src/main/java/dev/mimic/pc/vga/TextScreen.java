package dev.mimic.pc.vga;

import java.awt.image.BufferedImage;
import java.nio.charset.Charset;

/**
 * What a VGA in text mode shows, computed from its registers and planes as the CRT controller
 * scans them: character codes in plane 0 and attributes in plane 1 (word mode: cell {@code i} at
 * plane offset {@code 2 * (start + i)}), glyphs from the font in plane 2 (32 bytes per character
 * in the font block CR03 selects), colours through the attribute palette and the DAC, and the
 * cursor. Cells are 9 dots wide unless SR01 bit 0 asks for 8; with line graphics enabled the
 * ninth column of characters 0xC0-0xDF repeats the eighth.
 */
public final class TextScreen {
    /** Offsets of the eight font blocks in plane 2, by the 3-bit block number of SR03. */
    private static final int[] FONT_BLOCKS = {0x0000, 0x4000, 0x8000, 0xC000, 0x2000, 0x6000, 0xA000, 0xE000};
    private static final Charset CODE_PAGE_437 = Charset.forName("IBM437");

    private final VgaRegisters registers;
    private final VgaMemory memory;
    private final VbeRegisters vbe;

    TextScreen(VgaRegisters registers, VgaMemory memory, VbeRegisters vbe) {
        this.registers = registers;
        this.memory = memory;
        this.vbe = vbe;
    }

    /** Whether the graphics controller is in alphanumeric mode (GR06 bit 0 clear). */
    public boolean textMode() {
        return (registers.graphics[6] & 1) == 0;
    }

    public int columns() {
        return registers.crtc[1] + 1;
    }

    public int rows() {
        return (registers.verticalDisplayEnd() + 1) / cellHeight();
    }

    int cellHeight() {
        return (registers.crtc[9] & 0x1F) + 1;
    }

    int cellWidth() {
        return (registers.sequencer[1] & 1) != 0 ? 8 : 9;
    }

    private int cellAddress(int row, int column) {
        int start = registers.crtc[0x0C] << 8 | registers.crtc[0x0D];
        int stride = registers.crtc[0x13] * 2;
        return 2 * (start + row * stride + column) & (VgaMemory.PLANE_SIZE - 1);
    }

    /** The screen's characters as text, rows separated by newlines, trailing blanks kept (code page 437). */
    public String text() {
        StringBuilder out = new StringBuilder();
        byte[] line = new byte[columns()];
        for (int row = 0; row < rows(); row++) {
            for (int column = 0; column < line.length; column++) {
                byte code = memory.planes[0][cellAddress(row, column)];
                line[column] = code == 0 ? (byte) ' ' : code;
            }
            out.append(new String(line, CODE_PAGE_437)).append('\n');
        }
        return out.toString();
    }

    /** The screen as pixels, one per dot, the cursor drawn in its foreground colour. */
    public BufferedImage render() {
        if (!textMode()) {
            throw new IllegalStateException("the VGA is in a graphics mode; only text mode can be rendered");
        }
        int width = cellWidth();
        int height = cellHeight();
        // A card no BIOS has programmed yet may describe an empty screen: show one black dot.
        BufferedImage image = new BufferedImage(Math.max(1, columns() * width), Math.max(1, rows() * height), BufferedImage.TYPE_INT_RGB);
        int cursor = (registers.crtc[0x0E] << 8 | registers.crtc[0x0F]) * 2 & (VgaMemory.PLANE_SIZE - 1);
        for (int row = 0; row < rows(); row++) {
            for (int column = 0; column < columns(); column++) {
                int address = cellAddress(row, column);
                drawCell(image, column * width, row * height, address, address == cursor);
            }
        }
        return image;
    }

    private void drawCell(BufferedImage image, int x, int y, int address, boolean cursorHere) {
        int code = memory.planes[0][address] & 0xFF;
        int attr = memory.planes[1][address] & 0xFF;
        boolean blinkMode = (registers.attribute[0x10] & 0x08) != 0;
        int foreground = color(attr & 0x0F);
        int background = color(blinkMode ? attr >> 4 & 7 : attr >> 4 & 0x0F);
        int font = fontBlock((attr & 0x08) != 0);
        boolean lineGraphics = (registers.attribute[0x10] & 0x04) != 0 && code >= 0xC0 && code <= 0xDF;
        int cursorStart = registers.crtc[0x0A] & 0x1F;
        int cursorEnd = registers.crtc[0x0B] & 0x1F;
        boolean cursorOn = cursorHere && (registers.crtc[0x0A] & 0x20) == 0;
        for (int line = 0; line < cellHeight(); line++) {
            int glyph = memory.planes[2][font + code * 32 + line] & 0xFF;
            boolean cursorLine = cursorOn && line >= cursorStart && line <= cursorEnd;
            for (int dot = 0; dot < cellWidth(); dot++) {
                boolean lit = dot < 8 ? (glyph >> (7 - dot) & 1) != 0 : lineGraphics && (glyph & 1) != 0;
                image.setRGB(x + dot, y + line, lit || cursorLine ? foreground : background);
            }
        }
    }

    /** Font block A (attribute bit 3 set) or B from SR03: A in bits 5, 3, 2 and B in bits 4, 1, 0. */
    private int fontBlock(boolean mapA) {
        int select = registers.sequencer[3];
        int block = mapA ? (select >> 3 & 4) | (select >> 2 & 3) : (select >> 2 & 4) | (select & 3);
        return FONT_BLOCKS[block];
    }

    /** A 4-bit text colour through the attribute palette and the DAC, as 0xRRGGBB. */
    private int color(int index) {
        return registers.rgb(registers.attributeColor(index), vbe.eightBitDac());
    }
}
