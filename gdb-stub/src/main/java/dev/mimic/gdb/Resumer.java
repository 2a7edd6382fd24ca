package dev.mimic.gdb;

import dev.mimic.backend.exec.StopEvent;
import dev.mimic.backend.machine.Machine;
import dev.mimic.gdb.wire.PacketConnection;

import java.io.IOException;

/**
 * Runs the guest for {@code c} and {@code s} through the machine's {@link Machine#resume} and
 * {@link Machine#step}, so a PC's devices keep time while gdb continues. A continue runs in slices
 * of {@link #SLICE} instructions and looks for gdb's interrupt byte between them, on the session's
 * own thread, so an interrupt is seen within one slice and never races the engine's start of run.
 */
final class Resumer {
    /** Instructions between looks at the connection: a few milliseconds of guest time. */
    static final long SLICE = 200_000;

    private final Machine machine;
    private final PacketConnection connection;

    Resumer(Machine machine, PacketConnection connection) {
        this.machine = machine;
        this.connection = connection;
    }

    StopEvent step() {
        return machine.step();
    }

    StopEvent resume() throws IOException {
        for (;;) {
            StopEvent e = machine.resume(SLICE);
            if (e.kind() != StopEvent.Kind.LIMIT) {
                return e;
            }
            if (connection.interruptPending()) {
                return StopEvent.of(StopEvent.Kind.INTERRUPTED, e.pc(), "interrupted by gdb");
            }
            // A run never stops at a breakpoint on its first pc, so one ending on a breakpoint is the hit.
            StopEvent hit = machine.engine().breakpointHere();
            if (hit != null && hit.id() > 0) { // not the machine's own (internal, negative ids)
                return hit;
            }
        }
    }
}
