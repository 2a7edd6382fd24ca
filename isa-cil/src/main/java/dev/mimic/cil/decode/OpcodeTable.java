package dev.mimic.cil.decode;

import dev.mimic.specs.model.Instruction;
import dev.mimic.specs.model.IsaSpec;
import dev.mimic.specs.model.Operand;
import dev.mimic.specs.parse.IsaSpecs;
import java.util.List;
import java.util.Optional;

/**
 * The CIL opcode map, built from {@code cil.isa} so that decoder, disassembler and coverage report
 * share one table: 256 one-byte slots and 256 slots behind the 0xFE prefix. It is immutable, so one
 * instance serves every machine.
 */
public final class OpcodeTable {
    private static final OpcodeTable STANDARD = new OpcodeTable(IsaSpecs.load("cil"));

    private final IsaSpec spec;
    private final Opcode[] oneByte = new Opcode[256];
    private final Opcode[] twoByte = new Opcode[256];

    private OpcodeTable(IsaSpec spec) {
        this.spec = spec;
        for (Instruction insn : spec.instructions()) {
            int code = (int) insn.opcode().orElseThrow(() -> new IllegalStateException(
                    "cil.isa: " + insn.name() + " has no opcode"));
            List<Operand> operands = insn.operands();
            OperandKind kind = operands.isEmpty() ? OperandKind.NONE : OperandKind.ofSpecName(operands.get(0).kind());
            Opcode opcode = new Opcode(code, insn.name(), kind, insn);
            if (code <= 0xFF) {
                oneByte[code] = opcode;
            } else if (code >>> 8 == 0xFE) {
                twoByte[code & 0xFF] = opcode;
            } else {
                throw new IllegalStateException("cil.isa: opcode 0x%x of %s is neither one byte nor 0xFEnn"
                        .formatted(code, insn.name()));
            }
        }
    }

    /** The table of ECMA-335 Partition III. */
    public static OpcodeTable standard() {
        return STANDARD;
    }

    public IsaSpec spec() {
        return spec;
    }

    /** The one-byte opcode {@code b}, if defined (0xFE itself is the prefix, never an opcode). */
    public Optional<Opcode> oneByte(int b) {
        return Optional.ofNullable(oneByte[b & 0xFF]);
    }

    /** The opcode {@code 0xFE b}, if defined. */
    public Optional<Opcode> twoByte(int b) {
        return Optional.ofNullable(twoByte[b & 0xFF]);
    }

    /** Every opcode, in spec order. */
    public List<Opcode> all() {
        return spec.instructions().stream().map(i -> {
            int code = (int) i.opcode().getAsLong();
            return code <= 0xFF ? oneByte[code] : twoByte[code & 0xFF];
        }).toList();
    }
}
