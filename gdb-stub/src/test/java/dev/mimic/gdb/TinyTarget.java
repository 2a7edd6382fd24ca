package dev.mimic.gdb;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.exec.TinyMachine;
import dev.mimic.gdb.target.GdbRegister;
import dev.mimic.gdb.target.GdbTarget;

import java.nio.ByteOrder;
import java.util.List;

import static dev.mimic.backend.exec.TinyMachine.insn;

/**
 * The common-backend test machine as gdb would see it, with one register ({@code r9}) the machine
 * lacks, and the program the session tests debug.
 */
final class TinyTarget {
    static final GdbTarget TARGET = new GdbTarget("tiny", "org.mimic.tiny", ByteOrder.LITTLE_ENDIAN, List.of(), List.of(
            new GdbRegister("pc", 32, "code_ptr", null),
            new GdbRegister("r0", 32, "int32", null),
            new GdbRegister("r1", 32, "int32", null),
            new GdbRegister("r9", 32, "int32", null)));

    /** Where the program keeps its one variable. */
    static final int VARIABLE = 0x200;

    private TinyTarget() {
    }

    /**
     * {@code 0: r0 = 7; 4: [0x200] = r0; 8: r1 = [0x200]; c: r0 += 1; 10: halt}, which exits with 8.
     */
    static TinyMachine program() {
        return new TinyMachine(EngineKind.TIERED).load(
                insn(TinyMachine.LI, 0, 7),
                insn(TinyMachine.ST, 0, VARIABLE),
                insn(TinyMachine.LD, 1, VARIABLE),
                insn(TinyMachine.ADDI, 0, 1),
                insn(TinyMachine.HALT, 0, 0));
    }

    /** {@code 0: r0 = 1; 4: r0 /= 0}, a fatal fault. */
    static TinyMachine divisionByZero() {
        return new TinyMachine(EngineKind.TIERED).load(insn(TinyMachine.LI, 0, 1), insn(TinyMachine.DIV, 0, 0));
    }

    /** {@code 0: jmp 0}, forever. */
    static TinyMachine endlessLoop() {
        return new TinyMachine(EngineKind.TIERED).load(insn(TinyMachine.JMP, 0, 0));
    }
}
