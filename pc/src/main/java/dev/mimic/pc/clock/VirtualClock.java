package dev.mimic.pc.clock;

import dev.mimic.pc.snapshot.Snapshottable;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.PriorityQueue;

/**
 * The platform's notion of time, in nanoseconds since power-on. It moves only when the machine
 * says so ({@link #advanceTo}), typically from executed instructions or from the host clock while
 * the CPU halts, so device behaviour is reproducible: tests move time by exact amounts.
 * Devices schedule {@link ClockEvent}s; advancing fires every event that fell due, in deadline
 * order, with {@link #nanos()} reading the event's own deadline while it runs.
 */
public final class VirtualClock implements Snapshottable {
    private final PriorityQueue<ClockEvent> queue = new PriorityQueue<>();
    private long now;
    private long sequence;

    public long nanos() {
        return now;
    }

    /** A new, unscheduled event that runs {@code action} when it falls due. */
    public ClockEvent newEvent(Runnable action) {
        return new ClockEvent(this, action);
    }

    /** The earliest pending deadline, or {@link Long#MAX_VALUE}: how long a halted CPU may sleep. */
    public long nextDeadline() {
        ClockEvent head = queue.peek();
        return head == null ? Long.MAX_VALUE : head.deadline();
    }

    public void advanceBy(long nanos) {
        advanceTo(now + nanos);
    }

    /** Moves time forward to {@code target}, firing due events; time never goes backwards. */
    public void advanceTo(long target) {
        while (!queue.isEmpty() && queue.peek().deadline() <= target) {
            ClockEvent event = queue.poll();
            now = Math.max(now, event.deadline());
            event.fire();
        }
        now = Math.max(now, target);
    }

    void enqueue(ClockEvent event) {
        queue.add(event);
    }

    void dequeue(ClockEvent event) {
        queue.remove(event);
    }

    long nextSequence() {
        return sequence++;
    }

    /**
     * The time only: each device saves and restores its own events, so events due at the same
     * nanosecond fire in the order their devices were restored.
     */
    @Override
    public void saveState(DataOutputStream out) throws IOException {
        out.writeLong(now);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        now = in.readLong();
    }
}
