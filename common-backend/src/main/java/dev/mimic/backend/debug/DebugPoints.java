package dev.mimic.backend.debug;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The breakpoints and watchpoints of one machine, numbered in one sequence as debuggers do. The
 * engine consults them; changes are reported so translated code covering a new breakpoint is
 * dropped.
 */
public final class DebugPoints {
    private final List<Breakpoint> breakpoints = new ArrayList<>();
    private final List<Watchpoint> watchpoints = new ArrayList<>();
    private int nextId = 1;
    private int nextInternalId = -1;
    private BiConsumer<Long, Long> codeChanged = (a, b) -> { };

    /** Who to tell that code at [start, end) must be re-decoded because a breakpoint appeared or went. */
    public void onBreakpointChange(BiConsumer<Long, Long> listener) {
        this.codeChanged = listener;
    }

    public Breakpoint addBreakpoint(long address, String label, Condition condition) {
        Breakpoint b = new Breakpoint(nextId++, address, label, condition);
        breakpoints.add(b);
        codeChanged.accept(address, address + 1);
        return b;
    }

    /**
     * Adds a breakpoint the debugger uses for itself (for {@code next} and {@code finish}): it
     * takes a negative id, so the user's numbering has no gaps.
     */
    public Breakpoint addInternalBreakpoint(long address) {
        Breakpoint b = new Breakpoint(nextInternalId--, address, "internal", null);
        breakpoints.add(b);
        codeChanged.accept(address, address + 1);
        return b;
    }

    public Watchpoint addWatchpoint(long address, int length, Watchpoint.Access access, String label, Condition condition) {
        if (length < 1) {
            throw new IllegalArgumentException("watch length must be at least 1");
        }
        Watchpoint w = new Watchpoint(nextId++, address, length, access, label, condition);
        watchpoints.add(w);
        return w;
    }

    /**
     * Adds a watchpoint a machine uses for itself (an emulated processor's own data breakpoints): it
     * takes a negative id, as {@link #addInternalBreakpoint} does, and the hit comes back as a
     * watchpoint stop event with that id.
     */
    public Watchpoint addInternalWatchpoint(long address, int length, Watchpoint.Access access) {
        if (length < 1) {
            throw new IllegalArgumentException("watch length must be at least 1");
        }
        Watchpoint w = new Watchpoint(nextInternalId--, address, length, access, "internal", null);
        watchpoints.add(w);
        return w;
    }

    /** Deletes breakpoint or watchpoint {@code id}; false when there is none. */
    public boolean delete(int id) {
        for (Breakpoint b : breakpoints) {
            if (b.id() == id) {
                breakpoints.remove(b);
                codeChanged.accept(b.address(), b.address() + 1);
                return true;
            }
        }
        return watchpoints.removeIf(w -> w.id() == id);
    }

    /**
     * Deletes every breakpoint and watchpoint the user set; the internal ones (an emulated processor's
     * own debug registers, the debugger's {@code next} and {@code finish}) stay with their owners.
     */
    public void deleteAll() {
        List<Breakpoint> old = userBreakpoints();
        breakpoints.removeAll(old);
        watchpoints.removeIf(w -> !isInternal(w.id()));
        old.forEach(b -> codeChanged.accept(b.address(), b.address() + 1));
    }

    /** Whether {@code id} is one an internal breakpoint or watchpoint took (they count down from -1). */
    public static boolean isInternal(int id) {
        return id < 0;
    }

    public List<Breakpoint> breakpoints() {
        return Collections.unmodifiableList(breakpoints);
    }

    public List<Watchpoint> watchpoints() {
        return Collections.unmodifiableList(watchpoints);
    }

    /** The breakpoints the user set, for listings. */
    public List<Breakpoint> userBreakpoints() {
        return breakpoints.stream().filter(b -> !isInternal(b.id())).toList();
    }

    /** The watchpoints the user set, for listings. */
    public List<Watchpoint> userWatchpoints() {
        return watchpoints.stream().filter(w -> !isInternal(w.id())).toList();
    }

    /** Breakpoints at {@code address} (several may share one). */
    public List<Breakpoint> breakpointsAt(long address) {
        if (breakpoints.isEmpty()) {
            return List.of();
        }
        List<Breakpoint> found = new ArrayList<>(1);
        for (Breakpoint b : breakpoints) {
            if (b.address() == address) {
                found.add(b);
            }
        }
        return found;
    }

    public boolean hasBreakpoints() {
        return !breakpoints.isEmpty();
    }

    public boolean hasBreakpointAt(long address) {
        for (Breakpoint b : breakpoints) {
            if (b.address() == address) {
                return true;
            }
        }
        return false;
    }

    public boolean hasWatchpoints() {
        return !watchpoints.isEmpty();
    }

    /** The first watchpoint that an access of {@code width} bytes at {@code address} triggers. */
    public Optional<Watchpoint> watching(long address, int width, boolean write) {
        for (Watchpoint w : watchpoints) {
            if (w.covers(address, width, write)) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }
}
