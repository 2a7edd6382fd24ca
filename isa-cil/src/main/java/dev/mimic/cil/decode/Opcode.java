package dev.mimic.cil.decode;

import dev.mimic.specs.model.Instruction;
import dev.mimic.specs.model.Value;

/**
 * One CIL opcode as {@code cil.isa} defines it: its number ({@code 0xFEnn} for two-byte opcodes),
 * mnemonic, operand kind, and the spec entry with its emit method, stack effect and flow.
 */
public record Opcode(int code, String name, OperandKind operand, Instruction spec) {

    /** The {@code flow} entry of the spec: how the instruction leaves straight-line code, or "next". */
    public String flow() {
        var flow = spec.entry("flow");
        return flow.isEmpty() ? "next" : ((Value.Name) flow.get(0)).name();
    }
}
