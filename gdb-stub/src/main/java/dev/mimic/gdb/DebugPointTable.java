package dev.mimic.gdb;

import dev.mimic.backend.debug.DebugPoints;
import dev.mimic.backend.debug.Watchpoint;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * gdb's {@code Z}/{@code z} packets on the engine's {@link DebugPoints}: types 0 and 1 are
 * breakpoints (the engine's breakpoints need no patched code, so software and hardware ones are
 * the same), 2, 3 and 4 write, read and access watchpoints. It remembers which engine point each
 * insertion made, so removal and stop replies can name them as gdb did.
 */
final class DebugPointTable {
    static final int SOFTWARE = 0, HARDWARE = 1, WRITE = 2, READ = 3, ACCESS = 4;

    private record Key(int type, long address, int kind) {
    }

    private final DebugPoints points;
    private final Map<Key, Integer> ids = new HashMap<>();

    DebugPointTable(DebugPoints points) {
        this.points = points;
    }

    /** Inserts a point; false for a type gdb may ask for that this stub does not offer. */
    boolean insert(int type, long address, int kind) {
        Key key = new Key(type, address, kind);
        if (type < SOFTWARE || type > ACCESS) {
            return false;
        }
        if (!ids.containsKey(key)) {
            String label = "gdb Z" + type;
            int id = type <= HARDWARE
                    ? points.addBreakpoint(address, label, null).id()
                    : points.addWatchpoint(address, kind, access(type), label, null).id();
            ids.put(key, id);
        }
        return true;
    }

    /** Removes a point; removing one that is not there succeeds, as gdb expects. */
    boolean remove(int type, long address, int kind) {
        if (type < SOFTWARE || type > ACCESS) {
            return false;
        }
        Integer id = ids.remove(new Key(type, address, kind));
        if (id != null) {
            points.delete(id);
        }
        return true;
    }

    /** Removes every point gdb inserted (on detach). */
    void removeAll() {
        ids.values().forEach(points::delete);
        ids.clear();
    }

    /** The {@code Z} type that made engine point {@code id}, if gdb made it. */
    Optional<Integer> typeOf(int id) {
        return ids.entrySet().stream().filter(e -> e.getValue() == id).map(e -> e.getKey().type()).findFirst();
    }

    Optional<Watchpoint> watchpoint(int id) {
        return points.watchpoints().stream().filter(w -> w.id() == id).findFirst();
    }

    private static Watchpoint.Access access(int type) {
        return switch (type) {
            case WRITE -> Watchpoint.Access.WRITE;
            case READ -> Watchpoint.Access.READ;
            default -> Watchpoint.Access.ACCESS;
        };
    }
}
