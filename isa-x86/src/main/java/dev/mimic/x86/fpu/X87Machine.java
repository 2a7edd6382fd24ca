package dev.mimic.x86.fpu;

import dev.mimic.backend.machine.Machine;

import java.util.List;

/**
 * A machine with an x87 FPU, whose registers debuggers (gdb's {@code info float}, {@code p $st0})
 * read and write through {@link X87Registers}; the x86 machines implement it by saying where their
 * FPU is.
 */
public interface X87Machine extends Machine {
    /** The machine's FPU. */
    X87 fpu();

    @Override
    default List<String> debuggerRegisterNames() {
        return X87Registers.NAMES;
    }

    @Override
    default byte[] registerBytes(String name) {
        return X87Registers.has(name) ? X87Registers.read(fpu(), name) : Machine.super.registerBytes(name);
    }

    @Override
    default void setRegisterBytes(String name, byte[] littleEndian) {
        if (X87Registers.has(name)) {
            X87Registers.write(fpu(), name, littleEndian);
        } else {
            Machine.super.setRegisterBytes(name, littleEndian);
        }
    }
}
