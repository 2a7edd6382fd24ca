package dev.mimic.specs.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One instruction of an ISA, as its {@code .isa} file describes it. Decoders, disassemblers and the
 * coverage report all read this one record, so that the spec file stays the single source of truth.
 *
 * @param name         the mnemonic, unique within the ISA ({@code lodi}, {@code ldc.i4.0}, {@code 0branch})
 * @param group        the heading the instruction is listed under, if it is inside a {@code group} block
 * @param opcode       the opcode number of a stack machine instruction, unique within the ISA
 * @param encoding     a register machine's encoding in manual notation, such as {@code 0F B6 /r}
 * @param operands     the operands in order
 * @param emit         the semantics class method that emits the instruction's IR
 * @param stack        the stack effect in Forth notation, such as {@code a b -- c}
 * @param flagsRead    the flags the instruction reads, such as {@code OSZAPC}
 * @param flagsWritten the flags the instruction writes
 * @param summary      one line for disassembler help and the coverage report
 * @param entries      every entry as written, keyed in file order, including machine-specific ones
 * @param line         the 1-based line of the {@code instruction} keyword, for messages that point at the spec
 */
public record Instruction(String name, Optional<String> group, OptionalLong opcode, Optional<String> encoding,
                          List<Operand> operands, String emit, Optional<String> stack, Optional<String> flagsRead,
                          Optional<String> flagsWritten, Optional<String> summary, Map<String, List<Value>> entries,
                          int line) {

    public Instruction {
        operands = List.copyOf(operands);
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** The values of entry {@code key} (machine-specific keys included), or an empty list if it is absent. */
    public List<Value> entry(String key) {
        return entries.getOrDefault(key, List.of());
    }
}
