package dev.mimic.backend.machine;

import dev.mimic.backend.exec.Engine;
import dev.mimic.backend.exec.StopEvent;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What every emulated machine offers the workbench, so the REPL, the GDB stub, snapshots and
 * benchmarks work on all of them unchanged. Debuggers run the guest with {@link #resume} and
 * {@link #step}, so a machine with devices keeps their time going; breakpoints, watchpoints and
 * statistics go through {@link #engine()}; the rest is the machine's own view of its state.
 *
 * <p>Errors a user can cause (an unknown register, an address outside memory) are
 * {@link MachineException}s with a one-line message.
 */
public interface Machine {
    /** The machine's command-line name, such as {@code pcode}. */
    String name();

    Engine engine();

    /**
     * Runs the guest for a debugger until a stop event, at most {@code maxInstructions}
     * instructions; a breakpoint on the instruction it resumes from does not fire. A machine whose
     * devices live beside the processor (the PC) runs them too, so timers and disks go on while
     * the debugger continues; the others are their engine.
     */
    default StopEvent resume(long maxInstructions) {
        return engine().run(maxInstructions);
    }

    /** Runs one instruction for a debugger (breakpoints do not fire), device time moving with it. */
    default StopEvent step() {
        return engine().step();
    }

    /** Puts the machine back in its power-on (or program-start) state. */
    void reset();

    /** Register names in display order. */
    List<String> registerNames();

    long register(String name);

    void setRegister(String name, long value);

    /**
     * Registers a debugger reads and writes beyond {@link #registerNames}, which the workbench's
     * register display leaves out: the x87 stack and its control registers, which gdb's i386
     * description requires and which do not all fit in a {@code long}.
     */
    default List<String> debuggerRegisterNames() {
        return List.of();
    }

    /** A register's value as little-endian bytes; by default the eight bytes of {@link #register}. */
    default byte[] registerBytes(String name) {
        long value = register(name);
        byte[] bytes = new byte[Long.BYTES];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (value >>> 8 * i);
        }
        return bytes;
    }

    /** Sets a register from little-endian bytes (missing high bytes are zero); by default through {@link #setRegister}. */
    default void setRegisterBytes(String name, byte[] littleEndian) {
        long value = 0;
        for (int i = 0; i < Math.min(Long.BYTES, littleEndian.length); i++) {
            value |= (littleEndian[i] & 0xFFL) << 8 * i;
        }
        setRegister(name, value);
    }

    /** The register that holds the address of the next instruction. */
    String pcRegister();

    byte[] readMemory(long address, int length);

    void writeMemory(long address, byte[] bytes);

    /** Disassembles {@code count} instructions starting at {@code address}. */
    List<Disassembly> disassemble(long address, int count);

    /** The call chain, innermost first; empty for machines without one. */
    default List<StackFrame> callStack() {
        return List.of();
    }

    /** The address of a symbol (a procedure, a label, {@code file:line}), if known. */
    default Optional<Long> resolve(String symbol) {
        return Optional.empty();
    }

    /** A symbolic name for {@code address} such as {@code main+4}, if any. */
    default Optional<String> symbolize(long address) {
        return Optional.empty();
    }

    /** Names the debugger may complete (symbols, procedures); none for machines without symbols. */
    default List<String> symbolNames() {
        return List.of();
    }

    /**
     * The source position of the code at {@code address}, for machines whose programs carry line
     * information; the debugger then steps by source line and shows where it stopped.
     */
    default Optional<SourcePosition> sourcePosition(long address) {
        return Optional.empty();
    }

    /** Writes everything needed to resume the machine later (registers, memory, devices). */
    void saveState(DataOutputStream out) throws IOException;

    /** Restores what {@link #saveState} wrote; throws {@link MachineException} on inconsistent data. */
    void restoreState(DataInputStream in) throws IOException;
}
