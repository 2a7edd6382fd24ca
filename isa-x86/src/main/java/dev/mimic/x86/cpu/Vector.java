package dev.mimic.x86.cpu;

import dev.mimic.backend.exec.GuestFault;

/**
 * The processor exceptions the CPU raises (SDM vol. 3 6.3.1), as {@link GuestFault}s of kind
 * {@link GuestFault.Kind#MACHINE} whose code is the vector, with the error code above it. Guest memory
 * faults stay {@link GuestFault.Kind#MEMORY} faults and are page faults.
 */
public final class Vector {
    public static final int DE = 0;
    public static final int DB = 1;
    public static final int NMI = 2;
    public static final int BP = 3;
    public static final int OF = 4;
    public static final int BR = 5;
    public static final int UD = 6;
    public static final int NM = 7;
    public static final int DF = 8;
    public static final int TS = 10;
    public static final int NP = 11;
    public static final int SS = 12;
    public static final int GP = 13;
    public static final int PF = 14;
    /** x87 floating-point error, delivered at a waiting x87 instruction. */
    public static final int MF = 16;
    /** Alignment check: a misaligned access at CPL 3 with CR0.AM and EFLAGS.AC set. */
    public static final int AC = 17;

    private Vector() {
    }

    /** The exception {@code vector} with {@code errorCode}, raised at the current instruction. */
    public static GuestFault raise(int vector, int errorCode, String message) {
        return GuestFault.machine(vector | errorCode << 8, message);
    }

    /** The vector of a machine fault's code. */
    public static int of(GuestFault fault) {
        return fault.kind() == GuestFault.Kind.MEMORY ? PF : fault.kind() == GuestFault.Kind.DIVIDE_BY_ZERO ? DE
                : fault.code() & 0xFF;
    }

    public static GuestFault undefinedOpcode(long address) {
        return raise(UD, 0, String.format("invalid opcode at 0x%x", address));
    }

    public static GuestFault generalProtection(int errorCode, String what) {
        return raise(GP, errorCode, "general protection: " + what);
    }

    /** The error code of a fault of the exception {@code vector} (0 for page faults, whose code is elsewhere). */
    public static int errorCode(GuestFault fault) {
        return fault.kind() == GuestFault.Kind.MEMORY ? fault.code() : fault.kind() == GuestFault.Kind.MACHINE ? fault.code() >>> 8 : 0;
    }

    /** The SDM's mnemonic for exception {@code vector}, such as {@code #GP}; {@code vector N} for the others. */
    public static String name(int vector) {
        String[] names = {"#DE", "#DB", "NMI", "#BP", "#OF", "#BR", "#UD", "#NM", "#DF", "coprocessor segment overrun",
            "#TS", "#NP", "#SS", "#GP", "#PF", "vector 15", "#MF", "#AC", "#MC", "#XM"};
        return vector >= 0 && vector < names.length ? names[vector] : "vector " + vector;
    }

    /** True for the exceptions that push an error code (SDM vol. 3 table 6-1). */
    public static boolean hasErrorCode(int vector) {
        return vector == DF || vector >= TS && vector <= PF || vector == 17;
    }
}
