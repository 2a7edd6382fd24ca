package dev.mimic.pc.a20;

import dev.mimic.pc.snapshot.Snapshottable;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The A20 gate: whether address line 20 passes through or is forced to zero, so that real-mode
 * code expecting the 8086's 1 MiB wrap-around keeps working. Two switches drive it, the 8042's
 * output port and port 0x92; the memory system listens and masks bit 20 while it is off. It starts
 * enabled, as on QEMU's PC, and firmware turns it off only if it wants the wrap.
 */
public final class A20Gate implements Snapshottable {
    private boolean enabled = true;
    private Consumer<Boolean> listener = enabled -> { };

    /** Tells {@code listener} the new state whenever it changes. */
    public void onChange(Consumer<Boolean> newListener) {
        this.listener = newListener;
    }

    public boolean enabled() {
        return enabled;
    }

    public void set(boolean on) {
        if (on != enabled) {
            enabled = on;
            listener.accept(on);
        }
    }

    /** Restoring tells the listener, so the memory system follows the restored gate. */
    @Override
    public void saveState(DataOutputStream out) throws IOException {
        out.writeBoolean(enabled);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        set(in.readBoolean());
    }
}
