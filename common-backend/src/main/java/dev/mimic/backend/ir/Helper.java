package dev.mimic.backend.ir;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * A call from IR to a static Java method, for semantics too rare or too complex to spell in IR
 * (x87 transcendentals, CPUID, port I/O, runtime library routines).
 *
 * <p>The method's parameters map to IR types: {@code int} to I32, {@code long} to I64,
 * {@code double} to F64, any reference type to REF. A first parameter of type
 * {@code dev.mimic.backend.exec.ExecutionContext} is passed implicitly and is not an IR argument.
 * The return type maps the same way; {@code void} defines no value.
 */
public final class Helper {
    private static final String CONTEXT_CLASS = "dev.mimic.backend.exec.ExecutionContext";

    private final Method method;
    private final Set<Effect> effects;
    private final boolean takesContext;
    private final Type[] parameterTypes;
    private final Type returnType;
    /**
     * Made on the first interpreted call, not here: a machine declares dozens of helpers at start, and each
     * handle spins classes for its shape (a tenth of Open Firmware's start-up) though a short run calls few.
     * An unsynchronised cache: handles are immutable, so a race only makes one twice.
     */
    private MethodHandle handle;

    private Helper(Method method, Set<Effect> effects) {
        if (!Modifier.isStatic(method.getModifiers()) || !Modifier.isPublic(method.getModifiers())
                || !Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            throw new IllegalArgumentException("helper must be a public static method of a public class: " + method);
        }
        this.method = method;
        this.effects = effects.isEmpty() ? Set.of() : EnumSet.copyOf(effects);
        Class<?>[] params = method.getParameterTypes();
        this.takesContext = params.length > 0 && params[0].getName().equals(CONTEXT_CLASS);
        Class<?>[] irParams = Arrays.copyOfRange(params, takesContext ? 1 : 0, params.length);
        this.parameterTypes = Arrays.stream(irParams).map(Helper::typeOf).toArray(Type[]::new);
        this.returnType = method.getReturnType() == void.class ? null : typeOf(method.getReturnType());
    }

    /** The public static method {@code name} of {@code owner} (which must not be overloaded). */
    public static Helper of(Class<?> owner, String name, Effect... effects) {
        Method found = null;
        for (Method m : owner.getMethods()) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers())) {
                if (found != null) {
                    throw new IllegalArgumentException("helper " + owner.getName() + "." + name + " is overloaded");
                }
                found = m;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no public static method " + owner.getName() + "." + name);
        }
        return new Helper(found, Set.of(effects));
    }

    private static Type typeOf(Class<?> c) {
        if (c == int.class) {
            return Type.I32;
        } else if (c == long.class) {
            return Type.I64;
        } else if (c == double.class) {
            return Type.F64;
        } else if (!c.isPrimitive()) {
            return Type.REF;
        }
        throw new IllegalArgumentException("helper parameter type " + c + " has no IR type");
    }

    public Method method() {
        return method;
    }

    public Set<Effect> effects() {
        return effects;
    }

    public boolean takesContext() {
        return takesContext;
    }

    /** IR types of the explicit arguments. */
    public Type[] parameterTypes() {
        return parameterTypes.clone();
    }

    public int arity() {
        return parameterTypes.length;
    }

    public Type parameterType(int i) {
        return parameterTypes[i];
    }

    /** The IR type of the result, or null for a void helper. */
    public Type returnType() {
        return returnType;
    }

    /**
     * Calls the helper with boxed arguments (context first if it takes one). Used by the
     * interpreter; compiled code calls the method directly.
     */
    public Object invoke(Object[] arguments) throws Throwable {
        MethodHandle spreader = handle;
        if (spreader == null) {
            spreader = MethodHandles.publicLookup().unreflect(method).asSpreader(Object[].class, method.getParameterCount());
            handle = spreader;
        }
        return spreader.invoke(arguments);
    }

    @Override
    public String toString() {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
