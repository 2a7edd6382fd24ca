package dev.mimic.pc.snapshot;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A device whose state goes into a machine snapshot ({@code Machine.saveState}): registers,
 * buffers, latches and pending timer deadlines, but not its wiring (ports, interrupt lines,
 * backends), which the restoring machine builds again the same way. {@link #restoreState} reads
 * exactly what {@link #saveState} wrote, into a device built like the one saved.
 */
public interface Snapshottable {
    void saveState(DataOutputStream out) throws IOException;

    void restoreState(DataInputStream in) throws IOException;
}
