package dev.mimic.pc.display;

import dev.mimic.pc.keyboard.Kbc8042;
import dev.mimic.pc.vga.Vga;

import java.awt.image.BufferedImage;
import java.util.function.Consumer;

/**
 * The machine's side of a display, called between slices of execution on the machine's thread:
 * hands queued host input to the 8042 and, once a frame interval of host time has passed, renders
 * the VGA and passes the image on (to a window, which must copy nothing: each frame is a new image).
 */
public final class ScreenRefresh {
    /** About 30 frames a second: smooth enough for a console, cheap next to the emulation. */
    public static final long FRAME_NANOS = 33_000_000L;

    private final Vga vga;
    private final Kbc8042 controller;
    private final GuestInput input;
    private final Consumer<BufferedImage> frames;
    private long lastFrame;
    private boolean first = true;

    public ScreenRefresh(Vga vga, Kbc8042 controller, GuestInput input, Consumer<BufferedImage> frames) {
        this.vga = vga;
        this.controller = controller;
        this.input = input;
        this.frames = frames;
    }

    /** Delivers input and, if a frame is due at host time {@code nanos}, renders one. */
    public void poll(long nanos) {
        input.deliverTo(controller);
        if (first || nanos - lastFrame >= FRAME_NANOS) {
            first = false;
            lastFrame = nanos;
            frames.accept(vga.render());
        }
    }
}
