package dev.mimic.x86.user;

import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.state.GuestState;
import dev.mimic.x86.cpu.Vector;
import dev.mimic.x86.memory.PagedMemory;

import java.util.function.LongPredicate;

/**
 * The signal and siginfo Linux forces for a processor exception in user mode, with the trap number,
 * error code and CR2 its sigcontext records (arch/x86/kernel/traps.c do_trap and the #UD, #DE, #GP
 * and #BP handlers; arch/x86/mm/fault.c for page faults).
 */
record FaultSignal(SignalState.Info info, SignalFrame.Trap trap) {
    private static final int SEGV_MAPERR = 1, SEGV_ACCERR = 2, ILL_ILLOPN = 2, FPE_INTDIV = 1, BUS_ADRERR = 2;
    /** Page-fault error code bits: the page was present, the access a write, made from user mode. */
    private static final int PF_PRESENT = 1, PF_WRITE = 2, PF_USER = 4;
    /** The length of INT imm8, which faults with #GP at its own address when the vector is not a user gate. */
    private static final int INT_LENGTH = 2;

    /**
     * For a fault raised by an instruction (its address is the fault's pc); a page fault in a file
     * mapping past the file's end ({@code pastEndOfFile}) is SIGBUS.
     */
    static FaultSignal of(GuestFault fault, PagedMemory memory, LongPredicate pastEndOfFile) {
        int pc = (int) fault.pc();
        int vector = Vector.of(fault);
        return switch (vector) {
            case Vector.PF -> {
                int address = (int) fault.address();
                boolean present = memory.isMapped(fault.address());
                int error = PF_USER | (present ? PF_PRESENT : 0)
                        | (fault.getMessage() != null && fault.getMessage().startsWith("write") ? PF_WRITE : 0);
                SignalState.Info info = pastEndOfFile.test(fault.address())
                        ? new SignalState.Info(Signal.SIGBUS.number(), BUS_ADRERR, address, 0)
                        : new SignalState.Info(Signal.SIGSEGV.number(), present ? SEGV_ACCERR : SEGV_MAPERR, address, 0);
                yield new FaultSignal(info, new SignalFrame.Trap(vector, error, address));
            }
            case Vector.DE -> new FaultSignal(new SignalState.Info(Signal.SIGFPE.number(), FPE_INTDIV, pc, 0),
                    new SignalFrame.Trap(vector, 0, 0));
            case Vector.UD -> new FaultSignal(new SignalState.Info(Signal.SIGILL.number(), ILL_ILLOPN, pc, 0),
                    new SignalFrame.Trap(vector, 0, 0));
            default -> kernel(Signal.of(fault), vector, fault.kind() == GuestFault.Kind.MACHINE ? fault.code() >>> 8 : 0);
        };
    }

    /**
     * For INT n other than INT 0x80, which the machine stops at with EIP after the instruction: INT3
     * and INT1 are traps reported after it; any other vector is not a gate user mode may use, so the
     * INT itself faults with #GP(vector * 8 + 2) and EIP goes back to it.
     */
    static FaultSignal ofInterrupt(int vector, GuestState state) {
        if (vector == Vector.BP || vector == Vector.DB) {
            return kernel(Signal.SIGTRAP, vector, 0);
        }
        state.setPc(state.pc() - INT_LENGTH);
        return kernel(Signal.SIGSEGV, Vector.GP, vector << 3 | 2);
    }

    private static FaultSignal kernel(Signal signal, int vector, int error) {
        return new FaultSignal(new SignalState.Info(signal.number(), SignalState.SI_KERNEL, 0, 0),
                new SignalFrame.Trap(vector, error, 0));
    }
}
