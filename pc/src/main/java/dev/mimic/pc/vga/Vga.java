package dev.mimic.pc.vga;

import dev.mimic.backend.machine.MachineException;
import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.snapshot.Snapshottable;
import dev.mimic.pc.snapshot.StateArrays;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * QEMU's standard VGA ({@code -vga std}): the VGA's registers on the I/O bus, its planes behind the
 * window at 0xA0000 (128 KiB, {@link #memory()}), the Bochs VBE registers, and 16 MiB of video
 * memory as the linear framebuffer behind the PCI function's BAR0 ({@link VgaPciFunction}). {@link #render()} draws what
 * the card shows in whichever mode it is in; {@link #screen()} reads a text screen as characters.
 */
public final class Vga implements Snapshottable {
    public static final long MEMORY_BASE = 0xA0000;
    public static final long MEMORY_SIZE = 0x20000;
    /** Video memory for VBE modes, QEMU's default {@code vgamem_mb=16}. */
    public static final int FRAMEBUFFER_SIZE = 16 << 20;
    /** SeaBIOS's VGA BIOS for this card, from Debian's seabios package. */
    public static final Path STDVGA_BIOS = Path.of("/usr/share/seabios/vgabios-stdvga.bin");
    /** The smallest expansion ROM window PCI allows (2 KiB). */
    private static final int ROM_MINIMUM = 0x800;

    private final byte[] framebuffer = new byte[FRAMEBUFFER_SIZE];
    private final VgaRegisters registers = new VgaRegisters();
    private final VbeRegisters vbe = new VbeRegisters(framebuffer);
    private final VgaMemory memory = new VgaMemory(registers, vbe, framebuffer);
    private final TextScreen screen = new TextScreen(registers, memory, vbe);
    private final GraphicsScreen graphics = new GraphicsScreen(registers, memory, vbe);
    private final VbeScreen vbeScreen = new VbeScreen(registers, vbe, framebuffer);
    private final VgaPciFunction pciFunction = new VgaPciFunction(FRAMEBUFFER_SIZE);
    private final VgaMmio mmio = new VgaMmio(registers, vbe);
    private byte[] rom = new byte[0];

    public void attach(IoBus bus) {
        registers.attach(bus);
        vbe.attach(bus);
    }

    /** The device to map at {@link #MEMORY_BASE} for {@link #MEMORY_SIZE} bytes. */
    public VgaMemory memory() {
        return memory;
    }

    /** The PCI function to put on the bus; the firmware places its framebuffer BAR. */
    public VgaPciFunction pciFunction() {
        return pciFunction;
    }

    /**
     * Puts the VGA BIOS in {@code file} (normally {@link #STDVGA_BIOS}) behind the PCI function's
     * expansion ROM BAR, padded to a power of two as QEMU does, where the system BIOS finds and runs
     * it. A missing file leaves the card without a BIOS, unprogrammed until a driver sets a mode.
     */
    public void loadBios(Path file) {
        if (!Files.isReadable(file)) {
            return;
        }
        try {
            byte[] image = Files.readAllBytes(file);
            rom = Arrays.copyOf(image, Math.max(ROM_MINIMUM, Integer.highestOneBit(image.length * 2 - 1)));
        } catch (IOException e) {
            throw new MachineException(file + ": cannot read the VGA BIOS: " + e.getMessage(), e);
        }
        pciFunction.enableRomBar(rom.length);
    }

    /**
     * The card's PCI memory (framebuffer, registers, BIOS) as a device to map over the PCI memory
     * hole from {@code holeStart} (the top of RAM below 4 GiB) to {@link VgaBars#HOLE_END}; call
     * after {@link #loadBios}.
     */
    public VgaBars pciMemory(long holeStart) {
        return new VgaBars(pciFunction, framebuffer, mmio, rom, holeStart);
    }

    public TextScreen screen() {
        return screen;
    }

    /** Whether the screen is text (so {@link #screen()} can read it as characters). */
    public boolean textMode() {
        return !vbe.enabled() && screen.textMode();
    }

    /** Puts the card in BIOS mode 3 without a BIOS (for a directly booted kernel); the font must still be loaded. */
    public void setTextMode3() {
        registers.setTextMode3();
    }

    /** The screen as the monitor would show it now, in any mode: one image pixel per dot and scan line. */
    public BufferedImage render() {
        if (vbe.enabled()) {
            return vbeScreen.render();
        }
        return screen.textMode() ? screen.render() : graphics.render();
    }

    /** Renders the screen to {@code file} as PNG; returns the image written. */
    public BufferedImage writePng(Path file) throws IOException {
        BufferedImage image = render();
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer in this JVM");
        }
        return image;
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        registers.saveState(out);
        memory.saveState(out);
        vbe.saveState(out);
        StateArrays.writeBytes(out, framebuffer);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        registers.restoreState(in);
        memory.restoreState(in);
        vbe.restoreState(in);
        StateArrays.readBytes(in, framebuffer);
    }
}
