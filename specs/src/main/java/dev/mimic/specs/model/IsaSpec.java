package dev.mimic.specs.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A machine's instruction set as loaded from its {@code .isa} file: the instructions in file order plus
 * lookups by name and opcode, which is what decoders build their dispatch tables from. Immutable, so one
 * instance can serve every machine in the process.
 */
public final class IsaSpec {

    private final String name;
    private final Optional<String> title;
    private final Optional<String> semanticsClass;
    private final List<Instruction> instructions;
    private final Map<String, Instruction> byName;
    private final Map<Long, Instruction> byOpcode;

    /**
     * @throws IllegalStateException if two instructions share a name or an opcode (the loader reports these
     *                               with their position before it gets here)
     */
    public IsaSpec(String name, Optional<String> title, Optional<String> semanticsClass, List<Instruction> instructions) {
        this.name = name;
        this.title = title;
        this.semanticsClass = semanticsClass;
        this.instructions = List.copyOf(instructions);
        this.byName = this.instructions.stream().collect(Collectors.toUnmodifiableMap(Instruction::name, i -> i));
        this.byOpcode = this.instructions.stream().filter(i -> i.opcode().isPresent())
                .collect(Collectors.toUnmodifiableMap(i -> i.opcode().getAsLong(), i -> i));
    }

    /** The name after {@code isa}, which is also the file's base name ({@code p5} for {@code p5.isa}). */
    public String name() {
        return name;
    }

    /** The human-readable machine name, such as {@code Pascal-P5 p-machine (ISO 7185)}. */
    public Optional<String> title() {
        return title;
    }

    /** The binary name of the class whose methods emit each instruction's IR. */
    public Optional<String> semanticsClass() {
        return semanticsClass;
    }

    /** All instructions in file order. */
    public List<Instruction> instructions() {
        return instructions;
    }

    public Optional<Instruction> instruction(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<Instruction> byOpcode(long opcode) {
        return Optional.ofNullable(byOpcode.get(opcode));
    }

    @Override
    public String toString() {
        return "IsaSpec[" + name + ", " + instructions.size() + " instructions]";
    }
}
