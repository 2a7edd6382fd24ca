package dev.mimic.pc.display;

import java.awt.event.KeyEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * Which PS/2 key a host key is: AWT's virtual key code and key location to the key's scan code
 * set 2 make code (0xE0xx for the extended keys), which the 8042 turns into set 1 for the guest
 * when it translates (IBM PS/2 Technical Reference, keyboard scan code tables; the codes belong
 * to key positions on a US 101/104-key keyboard, so the guest's keymap gives them meaning).
 */
public final class KeyMap {
    private static final Map<Integer, Integer> MAIN = new HashMap<>();
    /** Keys whose code depends on which of two places they are in: left/right modifiers, the keypad. */
    private static final Map<Integer, Integer> RIGHT = new HashMap<>();
    private static final Map<Integer, Integer> KEYPAD = new HashMap<>();

    static {
        int[] main = {
            KeyEvent.VK_ESCAPE, 0x76, KeyEvent.VK_F1, 0x05, KeyEvent.VK_F2, 0x06, KeyEvent.VK_F3, 0x04, KeyEvent.VK_F4, 0x0C,
            KeyEvent.VK_F5, 0x03, KeyEvent.VK_F6, 0x0B, KeyEvent.VK_F7, 0x83, KeyEvent.VK_F8, 0x0A, KeyEvent.VK_F9, 0x01,
            KeyEvent.VK_F10, 0x09, KeyEvent.VK_F11, 0x78, KeyEvent.VK_F12, 0x07,
            KeyEvent.VK_BACK_QUOTE, 0x0E, KeyEvent.VK_1, 0x16, KeyEvent.VK_2, 0x1E, KeyEvent.VK_3, 0x26, KeyEvent.VK_4, 0x25,
            KeyEvent.VK_5, 0x2E, KeyEvent.VK_6, 0x36, KeyEvent.VK_7, 0x3D, KeyEvent.VK_8, 0x3E, KeyEvent.VK_9, 0x46,
            KeyEvent.VK_0, 0x45, KeyEvent.VK_MINUS, 0x4E, KeyEvent.VK_EQUALS, 0x55, KeyEvent.VK_BACK_SPACE, 0x66,
            KeyEvent.VK_TAB, 0x0D, KeyEvent.VK_Q, 0x15, KeyEvent.VK_W, 0x1D, KeyEvent.VK_E, 0x24, KeyEvent.VK_R, 0x2D,
            KeyEvent.VK_T, 0x2C, KeyEvent.VK_Y, 0x35, KeyEvent.VK_U, 0x3C, KeyEvent.VK_I, 0x43, KeyEvent.VK_O, 0x44,
            KeyEvent.VK_P, 0x4D, KeyEvent.VK_OPEN_BRACKET, 0x54, KeyEvent.VK_CLOSE_BRACKET, 0x5B, KeyEvent.VK_BACK_SLASH, 0x5D,
            KeyEvent.VK_CAPS_LOCK, 0x58, KeyEvent.VK_A, 0x1C, KeyEvent.VK_S, 0x1B, KeyEvent.VK_D, 0x23, KeyEvent.VK_F, 0x2B,
            KeyEvent.VK_G, 0x34, KeyEvent.VK_H, 0x33, KeyEvent.VK_J, 0x3B, KeyEvent.VK_K, 0x42, KeyEvent.VK_L, 0x4B,
            KeyEvent.VK_SEMICOLON, 0x4C, KeyEvent.VK_QUOTE, 0x52, KeyEvent.VK_ENTER, 0x5A,
            KeyEvent.VK_SHIFT, 0x12, KeyEvent.VK_Z, 0x1A, KeyEvent.VK_X, 0x22, KeyEvent.VK_C, 0x21, KeyEvent.VK_V, 0x2A,
            KeyEvent.VK_B, 0x32, KeyEvent.VK_N, 0x31, KeyEvent.VK_M, 0x3A, KeyEvent.VK_COMMA, 0x41, KeyEvent.VK_PERIOD, 0x49,
            KeyEvent.VK_SLASH, 0x4A, KeyEvent.VK_CONTROL, 0x14, KeyEvent.VK_ALT, 0x11, KeyEvent.VK_SPACE, 0x29,
            KeyEvent.VK_ALT_GRAPH, 0xE011, KeyEvent.VK_WINDOWS, 0xE01F, KeyEvent.VK_CONTEXT_MENU, 0xE02F,
            KeyEvent.VK_INSERT, 0xE070, KeyEvent.VK_HOME, 0xE06C, KeyEvent.VK_PAGE_UP, 0xE07D, KeyEvent.VK_DELETE, 0xE071,
            KeyEvent.VK_END, 0xE069, KeyEvent.VK_PAGE_DOWN, 0xE07A, KeyEvent.VK_UP, 0xE075, KeyEvent.VK_LEFT, 0xE06B,
            KeyEvent.VK_DOWN, 0xE072, KeyEvent.VK_RIGHT, 0xE074, KeyEvent.VK_NUM_LOCK, 0x77, KeyEvent.VK_SCROLL_LOCK, 0x7E,
            KeyEvent.VK_DIVIDE, 0xE04A, KeyEvent.VK_MULTIPLY, 0x7C, KeyEvent.VK_SUBTRACT, 0x7B, KeyEvent.VK_ADD, 0x79,
            KeyEvent.VK_DECIMAL, 0x71, KeyEvent.VK_NUMPAD0, 0x70, KeyEvent.VK_NUMPAD1, 0x69, KeyEvent.VK_NUMPAD2, 0x72,
            KeyEvent.VK_NUMPAD3, 0x7A, KeyEvent.VK_NUMPAD4, 0x6B, KeyEvent.VK_NUMPAD5, 0x73, KeyEvent.VK_NUMPAD6, 0x74,
            KeyEvent.VK_NUMPAD7, 0x6C, KeyEvent.VK_NUMPAD8, 0x75, KeyEvent.VK_NUMPAD9, 0x7D,
            KeyEvent.VK_KP_UP, 0x75, KeyEvent.VK_KP_DOWN, 0x72, KeyEvent.VK_KP_LEFT, 0x6B, KeyEvent.VK_KP_RIGHT, 0x74,
        };
        fill(MAIN, main);
        fill(RIGHT, new int[] {KeyEvent.VK_SHIFT, 0x59, KeyEvent.VK_CONTROL, 0xE014, KeyEvent.VK_ALT, 0xE011,
            KeyEvent.VK_WINDOWS, 0xE027});
        // With num lock off the keypad's keys arrive as the navigation keys they double as.
        fill(KEYPAD, new int[] {KeyEvent.VK_ENTER, 0xE05A, KeyEvent.VK_HOME, 0x6C, KeyEvent.VK_UP, 0x75,
            KeyEvent.VK_PAGE_UP, 0x7D, KeyEvent.VK_LEFT, 0x6B, KeyEvent.VK_CLEAR, 0x73, KeyEvent.VK_BEGIN, 0x73,
            KeyEvent.VK_RIGHT, 0x74, KeyEvent.VK_END, 0x69, KeyEvent.VK_DOWN, 0x72, KeyEvent.VK_PAGE_DOWN, 0x7A,
            KeyEvent.VK_INSERT, 0x70, KeyEvent.VK_DELETE, 0x71});
    }

    private KeyMap() {
    }

    private static void fill(Map<Integer, Integer> map, int[] pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
    }

    /**
     * The set-2 make code of the key AWT reports as {@code keyCode} at {@code location} (a
     * {@code KeyEvent.KEY_LOCATION_*}), or -1 for keys a PC keyboard does not have.
     */
    public static int set2(int keyCode, int location) {
        Map<Integer, Integer> placed = switch (location) {
            case KeyEvent.KEY_LOCATION_RIGHT -> RIGHT;
            case KeyEvent.KEY_LOCATION_NUMPAD -> KEYPAD;
            default -> Map.of();
        };
        return placed.getOrDefault(keyCode, MAIN.getOrDefault(keyCode, -1));
    }
}
