package dev.mimic.gdb;

import dev.mimic.backend.debug.Breakpoint;
import dev.mimic.backend.exec.Engine;
import dev.mimic.backend.exec.StopEvent;
import dev.mimic.gdb.wire.PacketConnection;

import java.io.IOException;
import java.util.List;

/**
 * Runs the guest for {@code c} and {@code s}. A continue runs in slices of {@link #SLICE}
 * instructions and looks for gdb's interrupt byte between them, on the session's own thread, so
 * an interrupt is seen within one slice and never races the engine's start of run.
 */
final class Resumer {
    /** Instructions between looks at the connection: a few milliseconds of guest time. */
    static final long SLICE = 200_000;

    private final Engine engine;
    private final PacketConnection connection;

    Resumer(Engine engine, PacketConnection connection) {
        this.engine = engine;
        this.connection = connection;
    }

    StopEvent step() {
        return engine.step();
    }

    StopEvent resume() throws IOException {
        for (;;) {
            StopEvent e = engine.run(SLICE);
            if (e.kind() != StopEvent.Kind.LIMIT) {
                return e;
            }
            if (connection.interruptPending()) {
                return StopEvent.of(StopEvent.Kind.INTERRUPTED, e.pc(), "interrupted by gdb");
            }
            // A run never stops at a breakpoint on its first pc, so one ending on a breakpoint is the hit.
            List<Breakpoint> here = engine.debugPoints().breakpointsAt(e.pc());
            if (!here.isEmpty()) {
                Breakpoint b = here.getFirst();
                return new StopEvent(StopEvent.Kind.BREAKPOINT, e.pc(), "breakpoint " + b.id(), 0, b.id());
            }
        }
    }
}
