package dev.mimic.backend.jit;

import dev.mimic.backend.ir.Region;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks compiled classes with ASM's CheckClassAdapter when the build's tests ask for it
 * ({@code -Dmimic.jit.verify=N}: the first N classes a process compiles). The JIT's own properties
 * verify random regions; this puts every frontend's real regions (Pascal procedures, Forth words,
 * CIL methods, x86 blocks) through the same check wherever their tests compile code. Off by
 * default: a user's run does not pay for it.
 */
final class CompiledClassCheck {
    private static final int FIRST = Integer.getInteger("mimic.jit.verify", 0);
    private static final AtomicInteger CHECKED = new AtomicInteger();

    private CompiledClassCheck() {
    }

    /** Verifies {@code bytes}, compiled from {@code region}, if this process still checks classes. */
    static void maybeVerify(byte[] bytes, Region region) {
        if (FIRST == 0 || CHECKED.getAndIncrement() >= FIRST) {
            return;
        }
        StringWriter errors = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(bytes), CompiledClassCheck.class.getClassLoader(), false, new PrintWriter(errors));
        if (!errors.toString().isEmpty()) {
            throw new IllegalStateException("the compiled class of region " + region.name() + " does not verify:\n" + errors
                    + region.listing());
        }
    }
}
