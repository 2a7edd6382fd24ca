package dev.mimic.x86.decode;

import dev.mimic.specs.model.Instruction;

import java.util.List;

/**
 * One row of {@code x86.isa} with its encoding worked out: which opcode map and byte it occupies, what
 * the ModRM byte means, which operand or address size it requires, and the flags it touches as bit
 * masks in EFLAGS layout.
 *
 * @param digit          the ModRM reg field this form requires (/0../7), or -1
 * @param fixedRm        the ModRM r/m field this register-only form requires (x87 {@code D9 E8}), or -1
 * @param registerOnly   true when the ModRM byte must name a register (mod 11), as x87 register forms do
 * @param modrm          whether a ModRM byte follows the opcode
 * @param opcodeRegister true for {@code +r} forms (register in the opcode's low three bits)
 * @param condition      true for {@code +cc} forms (condition in the opcode's low four bits)
 * @param operandSize    16 or 32 when the form exists only for that operand size, else 0
 * @param addressSize    16 or 32 when the form exists only for that address size, else 0
 */
public record OpForm(Instruction spec, String mnemonic, int map, int opcode, boolean modrm, int digit, int fixedRm,
                     boolean registerOnly,
                     boolean opcodeRegister, boolean condition, int operandSize, int addressSize,
                     List<OperandKind> operands, Flow flow, boolean lockable, Rep rep, boolean sandboxed,
                     int flagsRead, int flagsWritten, int flagsUndefined) {

    /** How an instruction leaves straight-line code (the {@code flow} key). */
    public enum Flow { NEXT, JUMP, BRANCH, CALL, RETURN, TRAP, STOP }

    /** What a REP prefix does to the instruction (the {@code rep} key). */
    public enum Rep { NONE, REP, REPE }

    /** The one-byte opcode map. */
    public static final int ONE_BYTE = 0;
    /** The two-byte map, after 0F. */
    public static final int TWO_BYTE = 1;

    public OpForm {
        operands = List.copyOf(operands);
    }

    /** True when a ModRM byte with fields {@code mod}, {@code reg}, {@code rm} (mod -1: none) selects this form. */
    public boolean matches(int mod, int reg, int rm) {
        return (digit < 0 || digit == reg) && (fixedRm < 0 || fixedRm == rm) && (!registerOnly || mod == 3)
                && (mod != 3 || operands.stream().noneMatch(k -> k.method() == OperandKind.Method.MEMORY));
    }

    /** The table name of the instruction, such as {@code add.EbGb}. */
    public String name() {
        return spec.name();
    }

    /** The semantics method that emits the instruction's IR. */
    public String emit() {
        return spec.emit();
    }
}
