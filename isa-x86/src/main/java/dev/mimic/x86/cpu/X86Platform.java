package dev.mimic.x86.cpu;

/**
 * What the CPU asks of the machine around it: the descriptor tables behind segment loads, and the
 * handling of software interrupts and faults. A Linux user-mode process and a PC answer differently;
 * the running machine is {@link dev.mimic.backend.exec.ExecutionContext#machine}, and helpers reach it
 * through it.
 */
public interface X86Platform {
    /**
     * The base address of the segment {@code selector} names when it is loaded into segment register
     * {@code segment}; throws a {@link Vector#GP} fault for a selector that may not be loaded.
     */
    int segmentBase(int segment, int selector);
}
