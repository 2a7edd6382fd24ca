package dev.mimic.pcode.load;

import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.specs.model.Instruction;
import dev.mimic.specs.model.IsaSpec;
import dev.mimic.specs.model.Value;
import dev.mimic.specs.parse.IsaSpecs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The P5 instruction set as {@code p5.isa} describes it, indexed the ways the assembler, the
 * decoder and the disassembler need it: by mnemonic, by opcode byte, and standard procedures by
 * name and number. Built once from the spec, so the table stays the single source of opcodes,
 * operand layouts and semantics names.
 */
public final class P5Isa {
    /** How an instruction leaves straight-line code (the spec's {@code flow} key). */
    public enum Flow {
        /** Falls through to the next instruction. */
        NEXT,
        JUMP,
        /** Jumps or falls through. */
        BRANCH,
        /** Jumps into a table of ujp instructions. */
        SWITCH,
        /** Calls the procedure at q, which returns to the next instruction. */
        CALL,
        /** Leaves for code the decoder does not follow (calls, returns, errors). */
        EXIT,
        STOP
    }

    /** One instruction of the table with its encoding worked out. */
    public record Op(Instruction spec, int opcode, List<OperandKind> operands, int length, char type, Flow flow) {
        public String name() {
            return spec.name();
        }

        /** True when the instruction has a p byte. */
        public boolean hasP() {
            return !operands.isEmpty() && operands.get(0).isP();
        }
    }

    /** One standard procedure called by {@code csp}. */
    public record StandardProcedure(Instruction spec, int number, String name) {
    }

    private static final P5Isa INSTANCE = new P5Isa(IsaSpecs.load("p5"));

    private final IsaSpec spec;
    private final Op[] byOpcode = new Op[256];
    private final Map<String, Op> byName = new HashMap<>();
    private final Map<String, StandardProcedure> procsByName = new HashMap<>();
    private final Map<Integer, StandardProcedure> procsByNumber = new HashMap<>();

    private P5Isa(IsaSpec spec) {
        this.spec = spec;
        for (Instruction i : spec.instructions()) {
            if (i.opcode().isPresent()) {
                List<OperandKind> kinds = i.operands().stream().map(o -> OperandKind.parse(o.kind())).toList();
                int length = 1 + kinds.stream().mapToInt(OperandKind::bytes).sum();
                Op op = new Op(i, (int) i.opcode().getAsLong(), kinds, length, word(i, "type").map(s -> s.charAt(0)).orElse(' '),
                        word(i, "flow").map(f -> Flow.valueOf(f.toUpperCase())).orElse(Flow.NEXT));
                byOpcode[op.opcode()] = op;
                byName.put(i.name(), op);
            } else {
                String name = i.name().substring(i.name().indexOf('.') + 1);
                int number = (int) ((Value.Int) i.entry("sp").get(0)).value();
                StandardProcedure p = new StandardProcedure(i, number, name);
                procsByName.put(name, p);
                procsByNumber.put(number, p);
            }
        }
    }

    /** The instruction set of this process (the spec is immutable and shared). */
    public static P5Isa get() {
        return INSTANCE;
    }

    public IsaSpec spec() {
        return spec;
    }

    public Optional<Op> byMnemonic(String mnemonic) {
        return Optional.ofNullable(byName.get(mnemonic));
    }

    public Optional<Op> byOpcode(int opcode) {
        return opcode >= 0 && opcode < byOpcode.length ? Optional.ofNullable(byOpcode[opcode]) : Optional.empty();
    }

    public Optional<StandardProcedure> procedure(String name) {
        return Optional.ofNullable(procsByName.get(name));
    }

    public Optional<StandardProcedure> procedure(int number) {
        return Optional.ofNullable(procsByNumber.get(number));
    }

    /** Every opcode-carrying instruction, in table order. */
    public List<Op> ops() {
        List<Op> all = new ArrayList<>();
        for (Instruction i : spec.instructions()) {
            if (i.opcode().isPresent()) {
                all.add(byName.get(i.name()));
            }
        }
        return all;
    }

    /**
     * Decodes the instruction at {@code pc} from the code store.
     *
     * @return the instruction, or empty when the byte at pc is no opcode (or a csp names no
     *         standard procedure)
     */
    public Optional<P5Instruction> decode(GuestMemory memory, long pc) {
        Op op = byOpcode(memory.load8(pc)).orElse(null);
        if (op == null) {
            return Optional.empty();
        }
        int[] values = new int[op.operands().size()];
        long at = pc + 1;
        for (int k = 0; k < values.length; k++) {
            OperandKind kind = op.operands().get(k);
            values[k] = switch (kind.bytes()) {
                case 1 -> memory.load8(at);
                default -> memory.load32(at);
            };
            at += kind.bytes();
        }
        StandardProcedure proc = null;
        if (op.operands().size() == 1 && op.operands().get(0) == OperandKind.SP) {
            proc = procsByNumber.get(values[0]);
            if (proc == null) {
                return Optional.empty();
            }
        }
        return Optional.of(new P5Instruction(op, pc, values, proc));
    }

    private static Optional<String> word(Instruction i, String key) {
        return i.entry(key).stream().findFirst().map(v -> switch (v) {
            case Value.Name n -> n.name();
            case Value.Text t -> t.text();
            default -> throw new IllegalStateException("p5.isa: '" + key + "' of " + i.name() + " must be a name");
        });
    }
}
