package dev.mimic.gdb;

import dev.mimic.backend.exec.StopEvent;

/**
 * How a gdb session ended, so the command that started the stub knows what to do next: nothing
 * (the guest ended), end the process (gdb killed it), or let the guest run on (gdb detached or
 * went away).
 *
 * @param last the last stop the guest made under gdb (for {@link How#GUEST_ENDED}: its exit or
 *             fatal fault), or null if gdb never let it run
 */
public record SessionEnd(How how, StopEvent last) {
    public enum How {
        GUEST_ENDED, KILLED, DETACHED
    }
}
