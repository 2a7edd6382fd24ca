package dev.mimic.pcode.machine;

import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.pcode.load.DebugInfo;
import dev.mimic.pcode.load.Mpb;

/**
 * Shows a variable's value as the debugger prints it, by the type the compiler recorded:
 * numbers, {@code true}/{@code false}, quoted chars, {@code nil} or an address for pointers,
 * {@code [1, 3..5]} for sets, an enum's ordinal, the size of arrays and records.
 */
final class Values {
    private Values() {
    }

    /** The value of {@code v} in the frame (or globals) at {@code base}; VAR parameters are followed. */
    static String format(GuestMemory m, DebugInfo.Variable v, int base) {
        try {
            int at = base + v.offset();
            if (v.kind() == DebugInfo.Kind.VAR) {
                at = m.load32(at);
            }
            return switch (v.type()) {
                case "integer" -> Integer.toString(ordinal(m, at, v.size()));
                case "real" -> Double.toString(Double.longBitsToDouble(m.load64(at)));
                case "boolean" -> m.load8(at) != 0 ? "true" : "false";
                case "char" -> character(m.load8(at));
                case "pointer" -> pointer(m.load32(at));
                case "set" -> set(m, at);
                case "file" -> "file #" + m.load8(at);
                case "array", "record" -> v.type() + " (" + v.size() + " bytes at " + at + ")";
                default -> Integer.toString(ordinal(m, at, v.size()));
            };
        } catch (GuestFault outside) {
            return "<not in the store>";
        }
    }

    private static int ordinal(GuestMemory m, int at, int size) {
        return size == 1 ? m.load8(at) : m.load32(at);
    }

    private static String character(int c) {
        return c >= ' ' && c <= '~' ? (c == '\'' ? "''''" : "'" + (char) c + "'") : "chr(" + c + ")";
    }

    private static String pointer(int p) {
        return p == Mpb.NIL ? "nil" : p == 0 ? "(unassigned)" : "^" + p;
    }

    private static String set(GuestMemory m, int at) {
        StringBuilder s = new StringBuilder("[");
        int e = 0;
        while (e <= Mpb.SET_HIGH) {
            if (!member(m, at, e)) {
                e++;
                continue;
            }
            int last = e;
            while (last < Mpb.SET_HIGH && member(m, at, last + 1)) {
                last++;
            }
            s.append(s.length() > 1 ? ", " : "").append(e);
            if (last > e) {
                s.append("..").append(last);
            }
            e = last + 1;
        }
        return s.append(']').toString();
    }

    private static boolean member(GuestMemory m, int at, int e) {
        return (m.load8(at + e / 8) & (1 << (e % 8))) != 0;
    }
}
