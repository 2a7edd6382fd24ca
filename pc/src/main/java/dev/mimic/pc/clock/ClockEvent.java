package dev.mimic.pc.clock;

import dev.mimic.pc.snapshot.Snapshottable;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A device's timer on the {@link VirtualClock}: scheduled for one deadline at a time, rescheduled
 * or cancelled freely. Events due at the same time fire in the order they were scheduled.
 */
public final class ClockEvent implements Comparable<ClockEvent>, Snapshottable {
    private final VirtualClock clock;
    private final Runnable action;
    private long deadline;
    private long order;
    private boolean scheduled;

    ClockEvent(VirtualClock clock, Runnable action) {
        this.clock = clock;
        this.action = action;
    }

    /** Makes the event fire at {@code deadline} nanoseconds, replacing any earlier schedule. */
    public void schedule(long deadline) {
        cancel();
        this.deadline = deadline;
        this.order = clock.nextSequence();
        this.scheduled = true;
        clock.enqueue(this);
    }

    public void cancel() {
        if (scheduled) {
            clock.dequeue(this);
            scheduled = false;
        }
    }

    public boolean scheduled() {
        return scheduled;
    }

    long deadline() {
        return deadline;
    }

    void fire() {
        scheduled = false;
        action.run();
    }

    @Override
    public int compareTo(ClockEvent other) {
        int byTime = Long.compare(deadline, other.deadline);
        return byTime != 0 ? byTime : Long.compare(order, other.order);
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        out.writeBoolean(scheduled);
        out.writeLong(deadline);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        boolean wasScheduled = in.readBoolean();
        long savedDeadline = in.readLong();
        if (wasScheduled) {
            schedule(savedDeadline);
        } else {
            cancel();
        }
    }
}
