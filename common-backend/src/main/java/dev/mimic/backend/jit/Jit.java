package dev.mimic.backend.jit;

import dev.mimic.backend.exec.RegionCode;
import dev.mimic.backend.exec.RegionCompiler;
import dev.mimic.backend.ir.Region;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The JIT: compiles a {@link Region} to JVM bytecode and loads it as a hidden class, so guest loops
 * run as JVM loops HotSpot optimises and guest calls as JVM calls it can inline. The result behaves
 * exactly like {@link dev.mimic.backend.interp.InterpretedCode} on the same region (status, state,
 * memory, instruction count, faults), which the property tests check.
 *
 * <p>Each region becomes its own hidden class, unloaded once nothing references its code, so
 * invalidated translations do not leak. Object constants travel as the hidden class's class data
 * (see {@link RegionEmitter}). A region whose method would exceed {@link #MAX_CODE_BYTES} of
 * bytecode is refused with a {@link RegionTooLargeException}; callers keep it interpreted.
 *
 * <p>Stateless and thread-safe: one instance may serve every machine in the process.
 */
public final class Jit implements RegionCompiler {
    /**
     * The most bytecode one region may compile to. HotSpot does not compile methods above 8,000
     * bytes; the margin leaves room for the few bytes that differ between what is measured here and
     * what HotSpot sees.
     */
    public static final int MAX_CODE_BYTES = 7000;

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodType CONSTRUCTOR = MethodType.methodType(void.class, Region.class, MethodHandle.class);

    /**
     * Compiles {@code region}.
     *
     * @throws RegionTooLargeException when the region does not fit one JVM method HotSpot compiles
     */
    @Override
    public RegionCode compile(Region region) {
        RegionEmitter.Output out = RegionEmitter.emit(region);
        CompiledClassCheck.maybeVerify(out.bytes(), region);
        try {
            MethodHandles.Lookup code = LOOKUP.defineHiddenClassWithClassData(out.bytes(), out.classData(), true);
            Class<?> c = code.lookupClass();
            MethodHandle entry = out.entryType() == null ? null : code.findStatic(c, "invoke", out.entryType());
            return (RegionCode) code.findConstructor(c, CONSTRUCTOR).invoke(region, entry);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot load the compiled code of region " + region.name(), e);
        }
    }

    /** The class file {@link #compile} loads, for verification and inspection in tests. */
    byte[] generate(Region region) {
        return RegionEmitter.emit(region).bytes();
    }
}
