package dev.mimic.pc.keyboard;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A PS/2 keyboard speaking scan code set 2 (the controller may translate to set 1): reset and
 * self-test, identify (0xAB 0x83), enable and disable scanning, LEDs, typematic rate, echo and
 * scan code set selection (IBM PS/2 Hardware Interface Technical Reference, "Keyboard
 * Commands"). The host feeds key presses with {@link #press}/{@link #release} as set-2 codes.
 */
public final class Ps2Keyboard extends Ps2Device {
    private static final int SET_LEDS = 0xED;
    private static final int ECHO = 0xEE;
    private static final int SCANCODE_SET = 0xF0;
    private static final int IDENTIFY = 0xF2;
    private static final int TYPEMATIC = 0xF3;
    private static final int ENABLE = 0xF4;
    private static final int DISABLE = 0xF5;
    private static final int DEFAULTS = 0xF6;
    private static final int RESET = 0xFF;
    /** Codes of the extended keys carry this prefix. */
    private static final int EXTENDED = 0xE0;
    private static final int BREAK = 0xF0;

    private boolean scanning = true;
    private int leds;
    private int scancodeSet = 2;

    @Override
    void command(int command) {
        switch (command) {
            case SET_LEDS, TYPEMATIC -> {
                reply(ACK);
                expectParameter(command);
            }
            case ECHO -> reply(ECHO);
            case SCANCODE_SET -> {
                reply(ACK);
                expectParameter(command);
            }
            case IDENTIFY -> reply(ACK, 0xAB, 0x83);
            case ENABLE -> {
                scanning = true;
                reply(ACK);
            }
            case DISABLE -> {
                scanning = false;
                reply(ACK);
            }
            case DEFAULTS -> {
                leds = 0;
                reply(ACK);
            }
            case RESET -> {
                clearOutput();
                scanning = true;
                leds = 0;
                scancodeSet = 2;
                reply(ACK, SELF_TEST_PASSED);
            }
            default -> reply(RESEND);
        }
    }

    @Override
    void parameter(int command, int value) {
        if (command == SET_LEDS) {
            leds = value & 7;
        } else if (command == SCANCODE_SET && value == 0) {
            reply(ACK, scancodeSet);
            return;
        } else if (command == SCANCODE_SET) {
            if (value > 3) {
                reply(RESEND);
                return;
            }
            scancodeSet = value;
        }
        reply(ACK);
    }

    /** The LED bits the host last set: 0 scroll lock, 1 num lock, 2 caps lock. */
    public int leds() {
        return leds;
    }

    /** A key went down; {@code code} is its set-2 make code, 0xE0xx for extended keys. */
    public void press(int code) {
        if (scanning) {
            if (code > 0xFF) {
                reply(EXTENDED);
            }
            reply(code & 0xFF);
        }
    }

    /** A key came up: set 2 sends F0 before the make code. */
    public void release(int code) {
        if (scanning) {
            if (code > 0xFF) {
                reply(EXTENDED);
            }
            reply(BREAK, code & 0xFF);
        }
    }

    @Override
    void saveSettings(DataOutputStream out) throws IOException {
        out.writeBoolean(scanning);
        out.writeInt(leds);
        out.writeInt(scancodeSet);
    }

    @Override
    void restoreSettings(DataInputStream in) throws IOException {
        scanning = in.readBoolean();
        leds = in.readInt();
        scancodeSet = in.readInt();
    }
}
