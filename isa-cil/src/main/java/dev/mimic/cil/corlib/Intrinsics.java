package dev.mimic.cil.corlib;

import dev.mimic.backend.ir.Effect;
import dev.mimic.backend.ir.Helper;
import dev.mimic.cil.model.RuntimeMethod;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class library methods Mimic implements in Java, by key: a direct call becomes a HELPER op,
 * a virtual call reaches the same helper through the method table. The keys are read from the
 * annotations once; a helper (a method handle) is made when its method is first called, since a
 * program calls few of them and making one costs start-up time.
 */
public final class Intrinsics {
    private static final List<Class<?>> OWNERS = List.of(ConsoleIntrinsics.class, StringIntrinsics.class,
            ObjectIntrinsics.class, NumberIntrinsics.class, MathIntrinsics.class, ArrayIntrinsics.class,
            ThreadingIntrinsics.class, BuilderIntrinsics.class, MemoryIntrinsics.class, EnvironmentIntrinsics.class,
            DecimalIntrinsics.class, ArgumentIntrinsics.class, FileIntrinsics.class, NativeFileIntrinsics.class, dev.mimic.cil.runtime.Delegates.class);
    private static final Map<String, Method> BY_KEY = scan();
    private static final Map<Method, Helper> HELPERS = new ConcurrentHashMap<>();
    private static final java.util.Set<Helper> INSTANTIATED = ConcurrentHashMap.newKeySet();

    /** The intrinsic implementing {@code m}, or null. */
    public Helper find(RuntimeMethod m) {
        Method method = BY_KEY.get(m.definitionKey());
        return method == null ? null : HELPERS.computeIfAbsent(method, Intrinsics::helper);
    }

    /** True when {@code h} takes the method it implements as its first argument. */
    public boolean takesMethod(Helper h) {
        return INSTANTIATED.contains(h);
    }

    private static Helper helper(Method method) {
        Helper h = Helper.of(method.getDeclaringClass(), method.getName(), Effect.values());
        if (method.getAnnotation(Intrinsic.class).instantiated()) {
            INSTANTIATED.add(h);
        }
        return h;
    }

    private static Map<String, Method> scan() {
        Map<String, Method> out = new HashMap<>();
        for (Class<?> owner : OWNERS) {
            for (Method m : owner.getDeclaredMethods()) {
                Intrinsic i = m.getAnnotation(Intrinsic.class);
                if (i != null) {
                    for (String key : i.value()) {
                        if (out.put(key, m) != null) {
                            throw new IllegalStateException("two intrinsics for " + key);
                        }
                    }
                }
            }
        }
        return Map.copyOf(out);
    }
}
