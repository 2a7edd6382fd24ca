package dev.mimic.pc.keyboard;

import dev.mimic.pc.a20.A20Gate;
import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.bus.IrqLine;
import dev.mimic.pc.bus.PortDevice;
import dev.mimic.pc.snapshot.Snapshottable;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The Intel 8042 keyboard controller of the PC/AT and PS/2: data port 0x60, status and command
 * port 0x64, a one-byte output buffer fed by the keyboard (IRQ 1) and the mouse (IRQ 12), the
 * command byte (interrupt enables, port clocks, set 2 to set 1 translation), the self tests,
 * and the output port with the A20 gate and the processor reset line.
 */
public final class Kbc8042 implements PortDevice, Snapshottable {
    private static final int STATUS_OUTPUT_FULL = 0x01;
    private static final int STATUS_SYSTEM = 0x04;
    private static final int STATUS_COMMAND = 0x08;
    private static final int STATUS_UNINHIBITED = 0x10;
    private static final int STATUS_AUX_DATA = 0x20;

    private static final int CMD_KEYBOARD_IRQ = 0x01;
    private static final int CMD_AUX_IRQ = 0x02;
    private static final int CMD_SYSTEM = 0x04;
    private static final int CMD_KEYBOARD_OFF = 0x10;
    private static final int CMD_AUX_OFF = 0x20;
    private static final int CMD_TRANSLATE = 0x40;

    private static final int OUT_RESET = 0x01;
    private static final int OUT_A20 = 0x02;

    private final Ps2Keyboard keyboard = new Ps2Keyboard();
    private final Ps2Mouse mouse = new Ps2Mouse();
    private final ScancodeTranslation translation = new ScancodeTranslation();
    private final IrqLine keyboardIrq;
    private final IrqLine mouseIrq;
    private final A20Gate a20;
    private final Runnable reset;

    private int commandByte = CMD_KEYBOARD_IRQ | CMD_SYSTEM | CMD_TRANSLATE;
    private int outputPort = OUT_RESET | OUT_A20;
    private int outputBuffer;
    private boolean outputFull;
    private boolean outputFromAux;
    private boolean lastWriteWasCommand;
    /** A controller command waiting for its data byte on port 0x60, or -1. */
    private int pendingCommand = -1;
    /** Controller replies come before device bytes; -1 when there is none. */
    private int controllerReply = -1;

    public Kbc8042(IrqLine keyboardIrq, IrqLine mouseIrq, A20Gate a20, Runnable reset) {
        this.keyboardIrq = keyboardIrq;
        this.mouseIrq = mouseIrq;
        this.a20 = a20;
        this.reset = reset;
    }

    public void attach(IoBus bus) {
        bus.map(0x60, 1, this);
        bus.map(0x64, 1, this);
    }

    /** The host pressed a key; {@code set2} is its scan code set 2 make code (0xE0xx for extended keys). */
    public void pressKey(int set2) {
        keyboard.press(set2);
        poll();
    }

    public void releaseKey(int set2) {
        keyboard.release(set2);
        poll();
    }

    /** The host mouse moved (positive right and up) with {@code buttons} held (bit 0 left, 1 right, 2 middle). */
    public void moveMouse(int dx, int dy, int buttons) {
        mouse.move(dx, dy, buttons);
        poll();
    }

    /** The keyboard LEDs the guest set: bit 0 scroll lock, 1 num lock, 2 caps lock. */
    public int keyboardLeds() {
        return keyboard.leds();
    }

    /** Moves the next waiting byte into the output buffer if it is empty: controller replies first, then keyboard, then mouse. */
    private void poll() {
        if (outputFull) {
            return;
        }
        if (controllerReply >= 0) {
            fill(controllerReply, false);
            controllerReply = -1;
        }
        while (!outputFull && keyboard.hasOutput() && (commandByte & CMD_KEYBOARD_OFF) == 0) {
            int b = keyboard.takeOutput();
            int code = (commandByte & CMD_TRANSLATE) != 0 ? translation.translate(b) : b;
            if (code >= 0) {
                fill(code, false);
            }
        }
        if (!outputFull && mouse.hasOutput() && (commandByte & CMD_AUX_OFF) == 0) {
            fill(mouse.takeOutput(), true);
        }
    }

    private void fill(int b, boolean fromAux) {
        outputBuffer = b;
        outputFull = true;
        outputFromAux = fromAux;
        updateIrqs();
    }

    private void updateIrqs() {
        keyboardIrq.set(outputFull && !outputFromAux && (commandByte & CMD_KEYBOARD_IRQ) != 0);
        mouseIrq.set(outputFull && outputFromAux && (commandByte & CMD_AUX_IRQ) != 0);
    }

    @Override
    public int read(int port, int size) {
        if (port == 0x64) {
            return (outputFull ? STATUS_OUTPUT_FULL : 0) | (outputFull && outputFromAux ? STATUS_AUX_DATA : 0)
                    | (commandByte & CMD_SYSTEM) | (lastWriteWasCommand ? STATUS_COMMAND : 0) | STATUS_UNINHIBITED;
        }
        int value = outputBuffer;
        outputFull = false;
        updateIrqs();
        poll();
        return value;
    }

    @Override
    public void write(int port, int size, int value) {
        lastWriteWasCommand = port == 0x64;
        if (port == 0x64) {
            controllerCommand(value);
        } else {
            data(value);
        }
        poll();
    }

    private void controllerCommand(int command) {
        switch (command) {
            case 0x20 -> controllerReply = commandByte;
            case 0x60, 0xD1, 0xD2, 0xD3, 0xD4 -> pendingCommand = command;
            case 0xA7 -> commandByte |= CMD_AUX_OFF;
            case 0xA8 -> commandByte &= ~CMD_AUX_OFF;
            case 0xA9, 0xAB -> controllerReply = 0x00;
            case 0xAA -> controllerReply = 0x55;
            case 0xAD -> commandByte |= CMD_KEYBOARD_OFF;
            case 0xAE -> commandByte &= ~CMD_KEYBOARD_OFF;
            case 0xC0 -> controllerReply = 0xFF;
            case 0xD0 -> controllerReply = outputPort;
            case 0xDD -> setOutputPort(outputPort & ~OUT_A20);
            case 0xDF -> setOutputPort(outputPort | OUT_A20);
            default -> {
                // 0xF0-0xFF pulse output port bits low for 6 us; bit 0 low is the reset.
                if (command >= 0xF0 && (command & OUT_RESET) == 0) {
                    reset.run();
                }
            }
        }
    }

    private void data(int value) {
        int command = pendingCommand;
        pendingCommand = -1;
        switch (command) {
            case 0x60 -> {
                commandByte = value;
                updateIrqs();
            }
            case 0xD1 -> setOutputPort(value);
            case 0xD2 -> keyboard.reply(value);
            case 0xD3 -> mouse.reply(value);
            case 0xD4 -> mouse.receive(value);
            default -> keyboard.receive(value);
        }
    }

    private void setOutputPort(int value) {
        outputPort = value;
        a20.set((value & OUT_A20) != 0);
        if ((value & OUT_RESET) == 0) {
            reset.run();
        }
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        for (int v : new int[] {commandByte, outputPort, outputBuffer, pendingCommand, controllerReply}) {
            out.writeInt(v);
        }
        out.writeBoolean(outputFull);
        out.writeBoolean(outputFromAux);
        out.writeBoolean(lastWriteWasCommand);
        out.writeBoolean(translation.breakPending());
        keyboard.saveState(out);
        mouse.saveState(out);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        commandByte = in.readInt();
        outputPort = in.readInt();
        outputBuffer = in.readInt();
        pendingCommand = in.readInt();
        controllerReply = in.readInt();
        outputFull = in.readBoolean();
        outputFromAux = in.readBoolean();
        lastWriteWasCommand = in.readBoolean();
        translation.setBreakPending(in.readBoolean());
        keyboard.restoreState(in);
        mouse.restoreState(in);
    }
}
