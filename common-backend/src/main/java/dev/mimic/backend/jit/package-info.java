/**
 * The JIT: regions compiled to JVM bytecode with ASM and loaded as hidden classes.
 *
 * <p>{@link dev.mimic.backend.jit.Jit} is the entry point. Each region becomes one class extending
 * {@code CompiledRegion}; its body is one static method, so guest loops become JVM loops and
 * guest calls become JVM calls ({@code GuestCallSite}) that HotSpot inlines. {@code LocalPlan}
 * decides where temporaries live, {@code RegionEmitter} writes the bytecode, {@code JitRuntime}
 * holds the small checks compiled code calls, and {@code RegionExit} carries a called region's
 * EXIT or STOP out of its typed entry.
 *
 * <p>Object constants (REF constants, managed types, call targets) are passed as the hidden
 * class's class data and loaded with {@code ldc} of dynamic constants bootstrapped by
 * {@link java.lang.invoke.MethodHandles#classDataAt}: unlike a static {@code Object[]} field, such
 * constants are trusted by C2, and they need no initialisation code. The compiled code behaves
 * exactly like {@link dev.mimic.backend.interp.InterpretedCode}, except that an asynchronous
 * interrupt request is seen at the first back-edge and then at least every 1,024 instructions
 * (or back-edges) rather than at every back-edge.
 */
package dev.mimic.backend.jit;
