package dev.mimic.backend.machine;

/**
 * One disassembled guest instruction.
 *
 * @param next  the address of the following instruction
 * @param label a symbol starting at this address, or null
 */
public record Disassembly(long address, long next, String text, String label) {
}
