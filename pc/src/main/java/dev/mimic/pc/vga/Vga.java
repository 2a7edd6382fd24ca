package dev.mimic.pc.vga;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.snapshot.Snapshottable;

import javax.imageio.ImageIO;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A standard VGA: its registers on the I/O bus, its memory for the machine to map at 0xA0000
 * (128 KiB, {@link #memory()}), and its text screen as characters or as a PNG.
 */
public final class Vga implements Snapshottable {
    public static final long MEMORY_BASE = 0xA0000;
    public static final long MEMORY_SIZE = 0x20000;

    private final VgaRegisters registers = new VgaRegisters();
    private final VgaMemory memory = new VgaMemory(registers);
    private final TextScreen screen = new TextScreen(registers, memory);

    public void attach(IoBus bus) {
        registers.attach(bus);
    }

    /** The device to map at {@link #MEMORY_BASE} for {@link #MEMORY_SIZE} bytes. */
    public VgaMemory memory() {
        return memory;
    }

    public TextScreen screen() {
        return screen;
    }

    /** Puts the card in BIOS mode 3 without a BIOS (for a directly booted kernel); the font must still be loaded. */
    public void setTextMode3() {
        registers.setTextMode3();
    }

    /** Renders the text screen to {@code file} as PNG. */
    public void writePng(Path file) throws IOException {
        ImageIO.write(screen.render(), "png", file.toFile());
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        registers.saveState(out);
        memory.saveState(out);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        registers.restoreState(in);
        memory.restoreState(in);
    }
}
