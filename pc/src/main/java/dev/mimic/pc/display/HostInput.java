package dev.mimic.pc.display;

import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the host's keyboard and mouse mean for the guest, kept apart from Swing so it can be tested
 * without a display. Keys go to the guest whenever the window has the focus; the mouse only while
 * it is grabbed, as relative PS/2 motion. A click in the window grabs it and Ctrl+Alt+G grabs or
 * releases it, as in QEMU's window; the title says which. Keys held when the window loses the focus
 * are released, so none stays down in the guest.
 */
public final class HostInput {
    /** The key that, with Ctrl and Alt held, grabs or releases the mouse. */
    public static final int GRAB_KEY = KeyEvent.VK_G;
    private static final int CTRL_ALT = InputEvent.CTRL_DOWN_MASK | InputEvent.ALT_DOWN_MASK;

    private final GuestInput guest;
    private final String name;
    private final Set<Integer> held = new LinkedHashSet<>();
    private boolean grabbed;
    private boolean swallowGrabKey;
    private int lastX;
    private int lastY;
    private boolean positionKnown;
    private int lastButtons;

    /** @param name what the title starts with, such as "Mimic x86" */
    public HostInput(GuestInput guest, String name) {
        this.guest = guest;
        this.name = name;
    }

    public boolean grabbed() {
        return grabbed;
    }

    /** The window title: the machine and how to grab or release the mouse. */
    public String title() {
        return name + (grabbed ? " - Press Ctrl+Alt+G to release the mouse" : " - Press Ctrl+Alt+G or click to grab the mouse");
    }

    /** A key went down; {@code modifiers} are {@link InputEvent}'s extended modifiers. */
    public void keyPressed(int keyCode, int location, int modifiers) {
        if (keyCode == GRAB_KEY && (modifiers & CTRL_ALT) == CTRL_ALT) {
            setGrabbed(!grabbed);
            swallowGrabKey = true;
            return;
        }
        int code = KeyMap.set2(keyCode, location);
        if (code >= 0) {
            held.add(code);
            guest.press(code);
        }
    }

    public void keyReleased(int keyCode, int location) {
        if (keyCode == GRAB_KEY && swallowGrabKey) {
            swallowGrabKey = false;
            return;
        }
        int code = KeyMap.set2(keyCode, location);
        if (code >= 0 && held.remove(code)) {
            guest.release(code);
        }
    }

    /** The window lost the focus: every key still down comes up, and the mouse is let go. */
    public void focusLost() {
        for (int code : held) {
            guest.release(code);
        }
        held.clear();
        setGrabbed(false);
    }

    /** A click: grabs the mouse if it was free (that click is not the guest's). */
    public void clicked() {
        if (!grabbed) {
            setGrabbed(true);
        }
    }

    /**
     * The pointer is at (x, y) in window pixels (down is positive) with {@code modifiers} giving the
     * buttons; while grabbed the guest gets the motion since the last position.
     */
    public void pointer(int x, int y, int modifiers) {
        if (!grabbed) {
            return;
        }
        int dx = positionKnown ? x - lastX : 0;
        int dy = positionKnown ? y - lastY : 0;
        int buttons = buttons(modifiers);
        lastX = x;
        lastY = y;
        positionKnown = true;
        if (dx != 0 || dy != 0 || buttons != lastButtons) {
            lastButtons = buttons;
            guest.moveMouse(dx, -dy, buttons);
        }
    }

    /** The window moved the pointer itself (back to its centre): the next motion counts from there. */
    public void warped(int x, int y) {
        lastX = x;
        lastY = y;
        positionKnown = true;
    }

    private void setGrabbed(boolean grab) {
        grabbed = grab;
        positionKnown = false;
    }

    /** PS/2's button bits: 0 left, 1 right, 2 middle. */
    private static int buttons(int modifiers) {
        return ((modifiers & InputEvent.BUTTON1_DOWN_MASK) != 0 ? 1 : 0)
                | ((modifiers & InputEvent.BUTTON3_DOWN_MASK) != 0 ? 2 : 0)
                | ((modifiers & InputEvent.BUTTON2_DOWN_MASK) != 0 ? 4 : 0);
    }
}
