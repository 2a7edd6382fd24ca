package dev.mimic.pcode.decode;

import dev.mimic.backend.ir.MemoryAccess;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one straight-line stretch of code already knows of the store: the values it loaded from,
 * or stored to, a place named by a base temporary and a displacement. A second load of the same
 * place reuses the value instead of reading guest memory again. P-code reads a frame variable
 * anew at each use ({@code up[row + c]} and {@code down[row - c]} load row and c twice each),
 * and every load is a guest-memory access in compiled code, which also takes from HotSpot's
 * inlining budget for the region.
 *
 * <p>A store keeps only the places at the same base whose bytes it does not touch: two different
 * bases may hold the same address (a frame reached through a static link and a global, or a var
 * parameter), so a place at another base may be the one written. Code that may write the store
 * otherwise (helpers, calls, the expression stack's spills) must {@link #forget()} everything.
 */
final class KnownStore {
    /** A place in the store: {@code base} plus {@code displacement}, or the address {@code displacement} when base is null. */
    private record Place(Temp base, int displacement, MemoryAccess access, Type type) {
        boolean overlaps(Temp otherBase, int otherDisplacement, int bytes) {
            return !Objects.equals(base, otherBase)
                    || (displacement < otherDisplacement + bytes && otherDisplacement < displacement + access.bytes());
        }
    }

    private final RegionBuilder b;
    private final Map<Place, Temp> values = new HashMap<>();

    KnownStore(RegionBuilder b) {
        this.b = b;
    }

    /** The value at {@code base + displacement} (the address {@code displacement} when base is null). */
    Temp load(MemoryAccess access, Type type, Temp base, int displacement) {
        Place place = new Place(base, displacement, access, type);
        Temp known = values.get(place);
        if (known == null) {
            known = b.load(access, type, address(base, displacement));
            values.put(place, known);
        }
        return known;
    }

    /** Stores {@code value}; a load of the same width reads it back without the store when it is the whole of the value. */
    void store(MemoryAccess access, Temp base, int displacement, Temp value) {
        b.store(access, address(base, displacement), value);
        values.keySet().removeIf(p -> p.overlaps(base, displacement, access.bytes()));
        boolean whole = access.bytes() == 8 || (access.bytes() == 4 && value.type() == Type.I32);
        if (whole) {
            values.put(new Place(base, displacement, access, value.type()), value);
        }
    }

    /** Forgets every value: the store may have changed anywhere. */
    void forget() {
        values.clear();
    }

    Temp address(Temp base, int displacement) {
        if (base == null) {
            return b.i32(displacement);
        }
        return displacement == 0 ? base : b.add(base, b.i32(displacement));
    }
}
