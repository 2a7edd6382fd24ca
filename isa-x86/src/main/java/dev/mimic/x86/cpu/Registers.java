package dev.mimic.x86.cpu;

import dev.mimic.backend.ir.Type;
import dev.mimic.backend.state.GuestState;
import dev.mimic.backend.state.Slot;
import dev.mimic.backend.state.StateLayout;
import dev.mimic.x86.fpu.X87;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import java.util.List;

/**
 * The x86 CPU's state slots: the eight general registers, EIP (zero-extended, so guest addresses read
 * as unsigned numbers in the debugger), EFLAGS without its arithmetic flags, the lazy-flags record
 * ({@link Flags}), the six segment registers with their base addresses and valid offsets, and the x87 FPU. The layout is the same for
 * every x86 machine; each machine has its own {@link GuestState}.
 */
public final class Registers {
    /** General register names in encoding order (SDM vol. 2 table 2-2). */
    public static final List<String> GENERAL = List.of("eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi");
    /** Segment register names in Sreg encoding order. */
    public static final List<String> SEGMENTS = List.of("es", "cs", "ss", "ds", "fs", "gs");

    public static final StateLayout LAYOUT;
    private static final Slot[] GPR = new Slot[8];
    private static final Slot[] SELECTOR = new Slot[6];
    private static final Slot[] BASE = new Slot[6];
    private static final Slot[] LIMIT = new Slot[6];
    private static final Slot[] LOWER = new Slot[6];
    public static final Slot EIP;
    /** EFLAGS except the six arithmetic flags (DF, IF, TF, ID...); bit 1 set. */
    public static final Slot EFLAGS;
    public static final Slot CC_OP;
    public static final Slot CC_RESULT;
    public static final Slot CC_A;
    public static final Slot CC_B;
    /** The x87 FPU ({@link dev.mimic.x86.fpu.X87}), a reference its helpers take. */
    public static final Slot FPU;

    static {
        StateLayout.Builder b = StateLayout.builder("eip");
        for (int i = 0; i < 8; i++) {
            GPR[i] = b.add(GENERAL.get(i), Type.I32);
        }
        EIP = b.add("eip", Type.I64);
        EFLAGS = b.add("eflags.system", Type.I32);
        CC_OP = b.add("cc.op", Type.I32);
        CC_RESULT = b.add("cc.result", Type.I32);
        CC_A = b.add("cc.a", Type.I32);
        CC_B = b.add("cc.b", Type.I32);
        for (int i = 0; i < 6; i++) {
            SELECTOR[i] = b.add(SEGMENTS.get(i), Type.I32);
        }
        for (int i = 0; i < 6; i++) {
            BASE[i] = b.add(SEGMENTS.get(i) + ".base", Type.I32);
        }
        for (int i = 0; i < 6; i++) {
            LIMIT[i] = b.add(SEGMENTS.get(i) + ".limit", Type.I32);
        }
        for (int i = 0; i < 6; i++) {
            LOWER[i] = b.add(SEGMENTS.get(i) + ".lower", Type.I32);
        }
        FPU = b.add("fpu", Type.REF);
        LAYOUT = b.build();
    }

    private Registers() {
    }

    /** General register {@code n} (0 eax .. 7 edi). */
    public static Slot gpr(int n) {
        return GPR[n];
    }

    public static Slot selector(int segment) {
        return SELECTOR[segment];
    }

    public static Slot base(int segment) {
        return BASE[segment];
    }

    /**
     * How far above {@link #lower} valid offsets reach: the limit of an expand-up segment, which
     * system-mode code checks where segments are not flat.
     */
    public static Slot limit(int segment) {
        return LIMIT[segment];
    }

    /** The lowest valid offset: 0, or for an expand-down segment its limit plus one (SDM vol. 3 5.3). */
    public static Slot lower(int segment) {
        return LOWER[segment];
    }

    /** Writes every slot and the FPU, for snapshots. */
    public static void write(GuestState s, DataOutputStream out) throws IOException {
        for (Slot slot : LAYOUT.slots()) {
            if (slot != FPU) {
                out.writeLong(s.get(slot));
            }
        }
        ((X87) s.getRef(FPU)).write(out);
    }

    /** Reads what {@link #write} wrote into a new state, which a machine copies once the rest is restored. */
    public static GuestState read(DataInputStream in) throws IOException {
        GuestState s = new GuestState(LAYOUT);
        for (Slot slot : LAYOUT.slots()) {
            if (slot != FPU) {
                s.set(slot, in.readLong());
            }
        }
        X87 fpu = new X87();
        fpu.read(in);
        s.setRef(FPU, fpu);
        return s;
    }

    /** The whole EFLAGS register, arithmetic flags computed from the lazy record. */
    public static int eflags(GuestState s) {
        int arithmetic = Flags.compute((int) s.get(CC_OP), (int) s.get(CC_RESULT), (int) s.get(CC_A), (int) s.get(CC_B));
        return (int) s.get(EFLAGS) & ~Flags.ARITHMETIC | arithmetic | Flags.FIXED_ONE;
    }

    /** Sets the whole EFLAGS register: the arithmetic flags become an {@link Flags#EFLAGS} record. */
    public static void setEflags(GuestState s, int value) {
        s.set(EFLAGS, value & ~Flags.ARITHMETIC | Flags.FIXED_ONE);
        s.set(CC_OP, Flags.op(Flags.EFLAGS, 4));
        s.set(CC_A, value & Flags.ARITHMETIC);
        s.set(CC_RESULT, 0);
        s.set(CC_B, 0);
    }
}
