package dev.mimic.pc.keyboard;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A standard PS/2 mouse (device ID 0): three-byte movement packets in stream mode once reporting
 * is enabled, sample rate, resolution and scaling settings, status and read-data requests
 * (IBM PS/2 Technical Reference, "Pointing Device").
 */
public final class Ps2Mouse extends Ps2Device {
    private static final int SET_SCALING_1_1 = 0xE6;
    private static final int SET_SCALING_2_1 = 0xE7;
    private static final int SET_RESOLUTION = 0xE8;
    private static final int STATUS_REQUEST = 0xE9;
    private static final int SET_STREAM_MODE = 0xEA;
    private static final int READ_DATA = 0xEB;
    private static final int SET_REMOTE_MODE = 0xF0;
    private static final int GET_ID = 0xF2;
    private static final int SET_SAMPLE_RATE = 0xF3;
    private static final int ENABLE = 0xF4;
    private static final int DISABLE = 0xF5;
    private static final int DEFAULTS = 0xF6;
    private static final int RESET = 0xFF;

    private boolean reporting;
    private boolean remote;
    private boolean scaling21;
    private int resolution = 2;
    private int sampleRate = 100;
    private int buttons;
    private int dx;
    private int dy;

    @Override
    void command(int command) {
        switch (command) {
            case SET_SCALING_1_1, SET_SCALING_2_1 -> {
                scaling21 = command == SET_SCALING_2_1;
                reply(ACK);
            }
            case SET_RESOLUTION, SET_SAMPLE_RATE -> {
                reply(ACK);
                expectParameter(command);
            }
            case STATUS_REQUEST -> reply(ACK, status(), resolution, sampleRate);
            case SET_STREAM_MODE, SET_REMOTE_MODE -> {
                remote = command == SET_REMOTE_MODE;
                reply(ACK);
            }
            case READ_DATA -> {
                reply(ACK);
                sendPacket();
            }
            case GET_ID -> reply(ACK, 0x00);
            case ENABLE, DISABLE -> {
                reporting = command == ENABLE;
                reply(ACK);
            }
            case DEFAULTS, RESET -> {
                reporting = false;
                remote = false;
                scaling21 = false;
                resolution = 2;
                sampleRate = 100;
                dx = 0;
                dy = 0;
                if (command == RESET) {
                    clearOutput();
                    reply(ACK, SELF_TEST_PASSED, 0x00);
                } else {
                    reply(ACK);
                }
            }
            default -> reply(RESEND);
        }
    }

    @Override
    void parameter(int command, int value) {
        if (command == SET_RESOLUTION) {
            resolution = value & 3;
        } else {
            sampleRate = value;
        }
        reply(ACK);
    }

    /** The status request's first byte: remote mode, reporting, 2:1 scaling, then left, middle, right in bits 2-0. */
    private int status() {
        int left = buttons & 1;
        int right = buttons >> 1 & 1;
        int middle = buttons >> 2 & 1;
        return (remote ? 0x40 : 0) | (reporting ? 0x20 : 0) | (scaling21 ? 0x10 : 0) | left << 2 | middle << 1 | right;
    }

    /**
     * The mouse moved by ({@code moveX}, {@code moveY}), positive right and up, with {@code newButtons}
     * held (bit 0 left, 1 right, 2 middle); in stream mode with reporting on, a packet follows.
     */
    public void move(int moveX, int moveY, int newButtons) {
        dx += moveX;
        dy += moveY;
        buttons = newButtons & 7;
        if (reporting && !remote) {
            sendPacket();
        }
    }

    /** Byte 0: Y overflow, X overflow, Y sign, X sign, 1, middle, right, left; then X and Y as 9-bit two's complement. */
    private void sendPacket() {
        boolean overflowX = dx < -256 || dx > 255;
        boolean overflowY = dy < -256 || dy > 255;
        int x = Math.clamp(dx, -256, 255);
        int y = Math.clamp(dy, -256, 255);
        int first = 0x08 | buttons | (x < 0 ? 0x10 : 0) | (y < 0 ? 0x20 : 0) | (overflowX ? 0x40 : 0) | (overflowY ? 0x80 : 0);
        reply(first, x & 0xFF, y & 0xFF);
        dx = 0;
        dy = 0;
    }

    @Override
    void saveSettings(DataOutputStream out) throws IOException {
        out.writeBoolean(reporting);
        out.writeBoolean(remote);
        out.writeBoolean(scaling21);
        for (int v : new int[] {resolution, sampleRate, buttons, dx, dy}) {
            out.writeInt(v);
        }
    }

    @Override
    void restoreSettings(DataInputStream in) throws IOException {
        reporting = in.readBoolean();
        remote = in.readBoolean();
        scaling21 = in.readBoolean();
        resolution = in.readInt();
        sampleRate = in.readInt();
        buttons = in.readInt();
        dx = in.readInt();
        dy = in.readInt();
    }
}
