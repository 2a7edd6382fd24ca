package dev.mimic.pc.display;

import dev.mimic.pc.a20.A20Gate;
import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.bus.IrqLine;
import dev.mimic.pc.keyboard.Kbc8042;
import dev.mimic.pc.vga.Vga;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The machine's side of the window: frames at the frame rate, input delivered on every poll. */
class ScreenRefreshTest {
    @Test
    void rendersOncePerFrameIntervalAndDeliversInputEachPoll() {
        IoBus bus = new IoBus();
        Vga vga = new Vga();
        vga.attach(bus);
        vga.setTextMode3();
        Kbc8042 kbc = new Kbc8042(IrqLine.NONE, IrqLine.NONE, new A20Gate(), () -> { });
        kbc.attach(bus);
        GuestInput input = new GuestInput();
        List<BufferedImage> frames = new ArrayList<>();
        ScreenRefresh refresh = new ScreenRefresh(vga, kbc, input, frames::add);

        refresh.poll(1_000);
        assertEquals(1, frames.size(), "the first poll shows the screen at once");
        assertEquals(720, frames.get(0).getWidth());
        input.press(0x1C);
        refresh.poll(1_000 + ScreenRefresh.FRAME_NANOS - 1);
        assertEquals(1, frames.size(), "not yet time for a frame");
        assertEquals(0x1E, bus.in(0x60, 1), "but the key was delivered");
        refresh.poll(1_000 + ScreenRefresh.FRAME_NANOS);
        assertEquals(2, frames.size());
    }
}
