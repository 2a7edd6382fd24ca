package dev.mimic.cil.runtime;

import java.util.HashMap;
import java.util.Map;

/**
 * The table behind {@code GCHandle}: numbered slots holding objects, as mono's runtime keeps them
 * (the class library's ArrayPool registers its trimming callback through one). Objects live on the
 * JVM heap, so every handle holds its target strongly, weak ones included: a weak handle's target
 * then stays until the handle is freed, which a program sees only through memory use.
 */
public final class GcHandles {
    /** The low bits of a handle carry its type (GCHandleType), as in mono, so that no handle is 0. */
    private static final int TYPE_BITS = 3;

    private final Map<Integer, Object> targets = new HashMap<>();
    private int nextSlot = 1;

    /** A new handle of {@code type} for {@code target}, or, with {@code handle} not 0, that handle retargeted. */
    public int set(Object target, int handle, int type) {
        int h = handle != 0 ? handle : (nextSlot++ << TYPE_BITS) | (type & ((1 << TYPE_BITS) - 1));
        targets.put(h, target);
        return h;
    }

    /** The handle's target; null for a freed or unknown handle. */
    public Object target(int handle) {
        return targets.get(handle);
    }

    public void free(int handle) {
        targets.remove(handle);
    }
}
