package dev.mimic.pc.display;

import dev.mimic.pc.a20.A20Gate;
import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.bus.IrqLine;
import dev.mimic.pc.keyboard.Kbc8042;
import org.junit.jupiter.api.Test;

import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Host keys and mouse through HostInput and GuestInput to the bytes the guest reads from the 8042, without a display. */
class HostInputTest {
    final IoBus bus = new IoBus();
    final Kbc8042 kbc = new Kbc8042(IrqLine.NONE, IrqLine.NONE, new A20Gate(), () -> { });
    final GuestInput guest = new GuestInput();
    final HostInput host = new HostInput(guest, "Mimic x86");

    HostInputTest() {
        kbc.attach(bus);
    }

    /** What port 0x60 gives after the queued input is delivered. */
    List<Integer> guestReads() {
        guest.deliverTo(kbc);
        List<Integer> bytes = new ArrayList<>();
        while ((bus.in(0x64, 1) & 1) != 0) {
            bytes.add(bus.in(0x60, 1));
        }
        return bytes;
    }

    @Test
    void keysArriveAsTranslatedSet1MakeAndBreakCodes() {
        host.keyPressed(KeyEvent.VK_A, KeyEvent.KEY_LOCATION_STANDARD, 0);
        host.keyReleased(KeyEvent.VK_A, KeyEvent.KEY_LOCATION_STANDARD);
        assertEquals(List.of(0x1E, 0x9E), guestReads(), "A is set 1 0x1E, its break 0x9E");
        host.keyPressed(KeyEvent.VK_CONTROL, KeyEvent.KEY_LOCATION_RIGHT, InputEvent.CTRL_DOWN_MASK);
        host.keyPressed(KeyEvent.VK_UP, KeyEvent.KEY_LOCATION_STANDARD, InputEvent.CTRL_DOWN_MASK);
        assertEquals(List.of(0xE0, 0x1D, 0xE0, 0x48), guestReads(), "right Ctrl and the cursor-up key are extended");
    }

    @Test
    void keypadKeysWithNumLockOffAreTheKeypadsNotTheCursorBlocks() {
        assertEquals(0x75, KeyMap.set2(KeyEvent.VK_UP, KeyEvent.KEY_LOCATION_NUMPAD));
        assertEquals(0xE075, KeyMap.set2(KeyEvent.VK_UP, KeyEvent.KEY_LOCATION_STANDARD));
        assertEquals(0xE05A, KeyMap.set2(KeyEvent.VK_ENTER, KeyEvent.KEY_LOCATION_NUMPAD));
        assertEquals(0x59, KeyMap.set2(KeyEvent.VK_SHIFT, KeyEvent.KEY_LOCATION_RIGHT));
        assertEquals(0x12, KeyMap.set2(KeyEvent.VK_SHIFT, KeyEvent.KEY_LOCATION_LEFT));
        assertEquals(-1, KeyMap.set2(KeyEvent.VK_F24, KeyEvent.KEY_LOCATION_STANDARD), "no such key on a PC keyboard");
    }

    @Test
    void ctrlAltGTogglesTheGrabWithoutReachingTheGuest() {
        int ctrlAlt = InputEvent.CTRL_DOWN_MASK | InputEvent.ALT_DOWN_MASK;
        assertFalse(host.grabbed());
        assertTrue(host.title().contains("Ctrl+Alt+G"));
        host.keyPressed(KeyEvent.VK_G, KeyEvent.KEY_LOCATION_STANDARD, ctrlAlt);
        host.keyReleased(KeyEvent.VK_G, KeyEvent.KEY_LOCATION_STANDARD);
        assertTrue(host.grabbed());
        assertTrue(host.title().contains("release"), host.title());
        assertEquals(List.of(), guestReads());
        host.keyPressed(KeyEvent.VK_G, KeyEvent.KEY_LOCATION_STANDARD, ctrlAlt);
        assertFalse(host.grabbed());
    }

    @Test
    void losingTheFocusReleasesHeldKeys() {
        host.keyPressed(KeyEvent.VK_SHIFT, KeyEvent.KEY_LOCATION_LEFT, InputEvent.SHIFT_DOWN_MASK);
        host.focusLost();
        assertEquals(List.of(0x2A, 0xAA), guestReads());
    }

    @Test
    void grabbedMouseMotionBecomesRelativePs2Packets() {
        bus.out(0x64, 1, 0xD4);
        bus.out(0x60, 1, 0xF4);                 // enable reporting
        assertEquals(List.of(0xFA), guestReads());
        host.pointer(100, 100, 0);
        assertEquals(List.of(), guestReads(), "no motion while the mouse is free");
        host.clicked();
        host.pointer(100, 100, 0);
        host.pointer(103, 95, InputEvent.BUTTON1_DOWN_MASK);
        assertEquals(List.of(0x09, 3, 5), guestReads(), "left button, 3 right, 5 up (PS/2's y grows upwards)");
        host.warped(50, 50);
        host.pointer(48, 50, InputEvent.BUTTON1_DOWN_MASK);
        assertEquals(List.of(0x19, 0xFE, 0), guestReads(), "2 left of where the window put the pointer");
    }
}
