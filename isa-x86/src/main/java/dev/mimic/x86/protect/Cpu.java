package dev.mimic.x86.protect;

import dev.mimic.backend.state.GuestState;
import dev.mimic.x86.cpu.Flags;
import dev.mimic.x86.cpu.Registers;
import dev.mimic.x86.mmu.Paging;
import dev.mimic.x86.system.PhysicalMemory;
import dev.mimic.x86.translate.CodeMode;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The system half of an x86 processor: control and debug registers, the descriptor-table registers,
 * the hidden parts of the segment registers (attributes; bases and limits are state slots the IR
 * reads), the current privilege level and the model-specific registers. The general registers and
 * EFLAGS stay in the {@link GuestState}, which this object reads and writes for the mechanisms of this
 * package (segment loads, far transfers, interrupts, task switches).
 *
 * <p>It also names modes: every {@link CodeMode} the code runs in gets a small number, which sits above
 * EIP in the engine's pc so that a region is only run in the mode it was decoded in.
 */
public final class Cpu implements Paging.Control {
    public static final int CR0_PE = 1, CR0_MP = 2, CR0_EM = 4, CR0_TS = 8, CR0_ET = 0x10, CR0_NE = 0x20,
            CR0_WP = 1 << 16, CR0_AM = 1 << 18, CR0_NW = 1 << 29, CR0_CD = 1 << 30, CR0_PG = 1 << 31;
    public static final int CR4_VME = 1, CR4_PVI = 2, CR4_TSD = 4, CR4_DE = 8, CR4_PSE = 0x10, CR4_PGE = 0x80;
    /** DR6: the #DB was general detect, a single-step trap, a task-switch trap; DR7: general detect. */
    public static final int DR6_BD = 1 << 13, DR6_BS = 1 << 14, DR6_BT = 1 << 15, DR7_GD = 1 << 13;
    /** The reserved bits of DR6 and DR7 that read as 1, which are also their values after RESET (SDM vol. 3 table 9-1). */
    public static final int DR6_FIXED = 0xFFFF_0FF0, DR7_FIXED = 0x400;
    /** Attribute bits of a usable flat 32-bit code and data segment at DPL 0 (as in {@link Descriptor#attributes}). */
    public static final int FLAT_CODE = 0x00C09B00, FLAT_DATA = 0x00C09300;

    public final GuestState state;
    public final Paging memory;
    private Runnable mappingChanged = () -> { };

    public int cr0 = CR0_ET, cr2, cr3, cr4;
    public final int[] dr = new int[8];
    private Runnable debugRegistersWritten = () -> { };
    /**
     * The DR6 bits of debug traps the instruction running now raised (a task switch to a TSS with its
     * T bit set, an I/O breakpoint), delivered as one #DB once it completes.
     */
    public int pendingDebugTraps;
    private Runnable debugTrapRaised = () -> { };
    public int gdtBase, gdtLimit, idtBase, idtLimit = 0x3FF;
    public int ldtSelector, ldtBase, ldtLimit;
    public int trSelector, trBase, trLimit, trAttributes;
    /** The descriptor attributes of each segment register (D/B, DPL, type), by Sreg number. */
    public final int[] attributes = new int[6];
    public int cpl;
    /** Set by a load of SS: no interrupt is taken before the next instruction (SDM vol. 2 MOV, POP). */
    public boolean interruptShadow;
    /** Set while an NMI handler runs: further NMIs wait until the next IRET (SDM vol. 3 6.7.1). */
    public boolean nmiBlocked;
    public final Msrs msrs = new Msrs();

    private final Map<CodeMode, Integer> modeNumbers = new HashMap<>();
    private final List<CodeMode> modes = new ArrayList<>();

    public Cpu(GuestState state, PhysicalMemory physical) {
        this.state = state;
        this.memory = new Paging(physical, this);
        modes.add(null);
    }

    /**
     * Who to tell when paging is turned on or off or its page sizes change, so all translated code is
     * dropped (code decoded without paging is not tied to linear pages).
     */
    public void onMappingChange(Runnable r) {
        this.mappingChanged = r;
    }

    /** Who to tell when a MOV writes a debug register, so the breakpoints DR0-DR3 and DR7 describe are armed. */
    public void onDebugRegisterWrite(Runnable r) {
        this.debugRegistersWritten = r;
    }

    /** Tells the listener that DR0-DR7 changed. */
    public void debugRegistersWritten() {
        debugRegistersWritten.run();
    }

    /** Who to tell when an instruction raises a debug trap, so it is delivered right after it. */
    public void onDebugTrap(Runnable r) {
        this.debugTrapRaised = r;
    }

    /** Records a debug trap ({@code dr6Bits} its DR6 bits) for delivery after the current instruction. */
    public void raiseDebugTrap(int dr6Bits) {
        pendingDebugTraps |= dr6Bits;
        debugTrapRaised.run();
    }

    // ---- modes and the pc ----

    public boolean protectedMode() {
        return (cr0 & CR0_PE) != 0;
    }

    public boolean v86() {
        return (state.get(Registers.EFLAGS) & Flags.VM) != 0;
    }

    /** The mode the processor runs in now. */
    public CodeMode mode() {
        boolean pm = protectedMode();
        boolean vm = pm && v86();
        boolean code32 = pm && !vm && (attributes[1] & 1 << 22) != 0;
        boolean stack32 = pm && !vm && (attributes[2] & 1 << 22) != 0;
        boolean flat = pm && !vm;
        for (int s = 0; s < 4 && flat; s++) {
            flat = base(s) == 0 && state.get(Registers.lower(s)) == 0 && limit(s) == -1;
        }
        int csLimit = pm && !vm ? (int) state.get(Registers.limit(1)) : -1;
        boolean fpuTraps = (cr0 & (CR0_EM | CR0_TS)) != 0;
        boolean waitTraps = (cr0 & (CR0_TS | CR0_MP)) == (CR0_TS | CR0_MP);
        return new CodeMode(true, base(1), code32, stack32, cpl, pm, vm, flat, csLimit, fpuTraps, waitTraps);
    }

    /** The mode numbered {@code number} (the high half of a pc). */
    public CodeMode mode(int number) {
        return modes.get(number);
    }

    /** The engine pc of {@code eip} in the current mode. */
    public long pc(int eip) {
        CodeMode m = mode();
        Integer n = modeNumbers.get(m);
        if (n == null) {
            n = modes.size();
            modes.add(m);
            modeNumbers.put(m, n);
        }
        return (long) n << 32 | eip & 0xFFFF_FFFFL;
    }

    /** Continues at {@code eip} in the current mode. */
    public void jump(int eip) {
        state.setPc(pc(eip));
    }

    public int eip() {
        return (int) state.pc();
    }

    // ---- registers ----

    public int gpr(int n) {
        return (int) state.get(Registers.gpr(n));
    }

    public void setGpr(int n, int v) {
        state.set(Registers.gpr(n), v);
    }

    public int eflags() {
        return Registers.eflags(state);
    }

    public void setEflags(int v) {
        Registers.setEflags(state, v);
    }

    public int iopl() {
        return eflags() >>> 12 & 3;
    }

    public int selector(int segment) {
        return (int) state.get(Registers.selector(segment));
    }

    public int base(int segment) {
        return (int) state.get(Registers.base(segment));
    }

    /** The segment's limit as its descriptor gave it (for an expand-down segment, the offset below the valid ones). */
    public int limit(int segment) {
        int lower = (int) state.get(Registers.lower(segment));
        return lower != 0 ? lower - 1 : (int) state.get(Registers.limit(segment));
    }

    /**
     * Loads a segment register's visible and hidden parts. An expand-down data segment's valid offsets
     * run from {@code limit + 1} to 0xFFFF or 0xFFFFFFFF (by its B bit); the slots hold the lowest
     * offset and the span above it, so one unsigned compare checks either kind.
     */
    public void setSegment(int segment, int selector, int base, int limit, int attributes) {
        state.set(Registers.selector(segment), selector & 0xFFFF);
        state.set(Registers.base(segment), base);
        boolean expandDown = (attributes & 0x1C00) == 0x1400;
        int lower = expandDown ? limit + 1 : 0;
        int upper = expandDown ? (attributes & 1 << 22) != 0 ? -1 : 0xFFFF : limit;
        state.set(Registers.lower(segment), lower);
        state.set(Registers.limit(segment), upper - lower);
        this.attributes[segment] = attributes;
    }

    /** True when the stack segment is 32-bit (ESP, not SP). */
    public boolean stack32() {
        return protectedMode() && !v86() && (attributes[2] & 1 << 22) != 0;
    }

    /**
     * Runs a multi-step transfer (far call, interrupt delivery, task switch) so that a fault in its
     * middle leaves registers, segment caches and CPL as they were: the fault is then precise at the
     * instruction, as SDM vol. 3 6.6 requires of faults.
     */
    public void atomically(Runnable transfer) {
        long[] words = state.words.clone();
        int[] attrs = attributes.clone();
        int savedCpl = cpl;
        int tr = trSelector, trB = trBase, trL = trLimit, trA = trAttributes;
        try {
            transfer.run();
        } catch (RuntimeException e) {
            System.arraycopy(words, 0, state.words, 0, words.length);
            System.arraycopy(attrs, 0, attributes, 0, attrs.length);
            cpl = savedCpl;
            trSelector = tr;
            trBase = trB;
            trLimit = trL;
            trAttributes = trA;
            throw e;
        }
    }

    /** Writes the system registers (not the state slots), for snapshots. */
    public void write(DataOutputStream out) throws IOException {
        for (int v : systemWords()) {
            out.writeInt(v);
        }
        for (int a : attributes) {
            out.writeInt(a);
        }
        msrs.write(out);
    }

    /** Reads what {@link #write} wrote; the TLB is flushed. */
    public void read(DataInputStream in) throws IOException {
        int[] v = new int[systemWords().length];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readInt();
        }
        cr0 = v[0];
        cr2 = v[1];
        cr3 = v[2];
        cr4 = v[3];
        System.arraycopy(v, 4, dr, 0, 8);
        gdtBase = v[12];
        gdtLimit = v[13];
        idtBase = v[14];
        idtLimit = v[15];
        ldtSelector = v[16];
        ldtBase = v[17];
        ldtLimit = v[18];
        trSelector = v[19];
        trBase = v[20];
        trLimit = v[21];
        trAttributes = v[22];
        cpl = v[23];
        for (int i = 0; i < attributes.length; i++) {
            attributes[i] = in.readInt();
        }
        msrs.read(in);
        memory.flush(false);
    }

    private int[] systemWords() {
        return new int[] {cr0, cr2, cr3, cr4, dr[0], dr[1], dr[2], dr[3], dr[4], dr[5], dr[6], dr[7], gdtBase, gdtLimit,
                idtBase, idtLimit, ldtSelector, ldtBase, ldtLimit, trSelector, trBase, trLimit, trAttributes, cpl};
    }

    // ---- control registers ----

    public void setCr0(int value) {
        int changed = cr0 ^ value;
        cr0 = value | CR0_ET;
        // PE alone changes no translation: code of either mode stays valid, the mode being part
        // of the pc; firmware that switches modes for every BIOS call (SeaBIOS) keeps its code.
        if ((changed & (CR0_PG | CR0_WP)) != 0) {
            memory.flush(false);
            mappingChanged.run();
        }
    }

    /** CR3: translations of pages that are not global are flushed, and the code decoded from them dropped. */
    public void setCr3(int value) {
        cr3 = value;
        memory.flush(true);
    }

    public void setCr4(int value) {
        int changed = cr4 ^ value;
        cr4 = value;
        if ((changed & (CR4_PSE | CR4_PGE)) != 0) {
            memory.flush(false);
            mappingChanged.run();
        }
    }

    /** INVLPG. */
    public void invalidatePage(int linear) {
        memory.invalidate(linear & 0xFFFF_FFFFL);
    }

    @Override
    public boolean paging() {
        return (cr0 & CR0_PG) != 0 && (cr0 & CR0_PE) != 0;
    }

    @Override
    public boolean writeProtect() {
        return (cr0 & CR0_WP) != 0;
    }

    @Override
    public boolean pageSizeExtensions() {
        return (cr4 & CR4_PSE) != 0;
    }

    @Override
    public boolean globalPages() {
        return (cr4 & CR4_PGE) != 0;
    }

    @Override
    public int cr3() {
        return cr3;
    }

    @Override
    public boolean userMode() {
        return cpl == 3;
    }

    /** Alignment checking (SDM vol. 3 6.15): CR0.AM, EFLAGS.AC and CPL 3, protected or virtual-8086 mode. */
    @Override
    public boolean alignmentChecked() {
        return (cr0 & CR0_AM) != 0 && cpl == 3 && (eflags() & Flags.AC) != 0 && protectedMode();
    }


    // ---- implicit supervisor accesses (descriptor tables, TSS, IDT) ----

    public int readSystem32(int linear) {
        return supervisor(() -> memory.load32(linear & 0xFFFF_FFFFL));
    }

    public int readSystem16(int linear) {
        return supervisor(() -> memory.load16(linear & 0xFFFF_FFFFL));
    }

    public void writeSystem32(int linear, int value) {
        supervisor(() -> {
            memory.store32(linear & 0xFFFF_FFFFL, value);
            return 0;
        });
    }

    public void writeSystem16(int linear, int value) {
        supervisor(() -> {
            memory.store16(linear & 0xFFFF_FFFFL, value);
            return 0;
        });
    }

    /** Makes {@code access} a supervisor access whatever the CPL (SDM vol. 3 4.6: implicit accesses). */
    private int supervisor(IntSupplier access) {
        boolean was = memory.setSupervisor(true);
        try {
            return access.getAsInt();
        } finally {
            memory.setSupervisor(was);
        }
    }
}
