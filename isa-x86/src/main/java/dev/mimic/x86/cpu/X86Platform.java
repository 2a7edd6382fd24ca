package dev.mimic.x86.cpu;

import dev.mimic.backend.exec.ExecutionContext;

/**
 * What the CPU asks of the machine around it when a segment register is loaded: a Linux process knows
 * its few selectors (flat code and data, TLS entries), a system-mode machine reads descriptor tables
 * or, in real mode, multiplies by 16. The running machine is
 * {@link dev.mimic.backend.exec.ExecutionContext#machine}, and helpers reach it through it.
 */
public interface X86Platform {
    /**
     * Loads segment register {@code segment} with {@code selector} (its selector, base and limit slots);
     * throws the fault the load raises ({@link Vector#GP}, #NP, #SS) for a selector that may not be loaded.
     */
    void loadSegment(ExecutionContext ctx, int segment, int selector);
}
