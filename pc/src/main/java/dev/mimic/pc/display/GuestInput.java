package dev.mimic.pc.display;

import dev.mimic.pc.keyboard.Kbc8042;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Keyboard and mouse events on their way from the window's thread to the machine's: the window
 * queues them as they come, and the machine hands them to the 8042 between slices of execution,
 * since the devices are only ever touched from the machine's thread.
 */
public final class GuestInput {
    private final ConcurrentLinkedQueue<Consumer<Kbc8042>> events = new ConcurrentLinkedQueue<>();

    /** A key went down; {@code set2} is its scan code set 2 make code. */
    public void press(int set2) {
        events.add(kbc -> kbc.pressKey(set2));
    }

    public void release(int set2) {
        events.add(kbc -> kbc.releaseKey(set2));
    }

    /** The mouse moved by (dx, dy), positive right and up, with {@code buttons} held (bit 0 left, 1 right, 2 middle). */
    public void moveMouse(int dx, int dy, int buttons) {
        events.add(kbc -> kbc.moveMouse(dx, dy, buttons));
    }

    /** Delivers what is queued, in order; on the machine's thread. */
    public void deliverTo(Kbc8042 controller) {
        for (Consumer<Kbc8042> event = events.poll(); event != null; event = events.poll()) {
            event.accept(controller);
        }
    }
}
