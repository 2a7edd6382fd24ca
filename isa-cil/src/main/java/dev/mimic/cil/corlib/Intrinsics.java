package dev.mimic.cil.corlib;

import dev.mimic.backend.ir.Effect;
import dev.mimic.backend.ir.Helper;
import dev.mimic.cil.model.RuntimeMethod;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The class library methods Mimic implements in Java, by key: a direct call becomes a HELPER op,
 * a virtual call reaches the same helper through the method table.
 */
public final class Intrinsics {
    private static final List<Class<?>> OWNERS = List.of(ConsoleIntrinsics.class, StringIntrinsics.class,
            ObjectIntrinsics.class, NumberIntrinsics.class, MathIntrinsics.class, ArrayIntrinsics.class,
            ThreadingIntrinsics.class, BuilderIntrinsics.class, MemoryIntrinsics.class, EnvironmentIntrinsics.class, DecimalIntrinsics.class,
            dev.mimic.cil.runtime.Delegates.class);
    private static final java.util.Set<Helper> INSTANTIATED = new java.util.HashSet<>();
    private static final Map<String, Helper> BY_KEY = scan();

    /** The intrinsic implementing {@code m}, or null. */
    public Helper find(RuntimeMethod m) {
        return BY_KEY.get(m.definitionKey());
    }

    /** True when {@code h} takes the method it implements as its first argument. */
    public boolean takesMethod(Helper h) {
        return INSTANTIATED.contains(h);
    }

    private static Map<String, Helper> scan() {
        Map<String, Helper> out = new HashMap<>();
        for (Class<?> owner : OWNERS) {
            for (Method m : owner.getDeclaredMethods()) {
                Intrinsic i = m.getAnnotation(Intrinsic.class);
                if (i != null) {
                    Helper h = Helper.of(owner, m.getName(), Effect.values());
                    if (i.instantiated()) {
                        INSTANTIATED.add(h);
                    }
                    for (String key : i.value()) {
                        if (out.put(key, h) != null) {
                            throw new IllegalStateException("two intrinsics for " + key);
                        }
                    }
                }
            }
        }
        return Map.copyOf(out);
    }
}
