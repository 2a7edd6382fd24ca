package dev.mimic.x86.cpu;

import dev.mimic.backend.exec.ExecutionContext;

/**
 * What the CPU asks of the machine around it: the descriptor tables behind segment loads, and the
 * handling of software interrupts and faults. A Linux user-mode process and a PC answer differently;
 * the running machine is {@link dev.mimic.backend.exec.ExecutionContext#machine}, and helpers reach it
 * through it.
 */
public interface X86Platform {
    /**
     * Loads segment register {@code segment} with {@code selector} (its selector, base and limit slots);
     * throws the fault the load raises ({@link Vector#GP}, #NP, #SS) for a selector that may not be loaded.
     */
    void loadSegment(ExecutionContext ctx, int segment, int selector);
}
