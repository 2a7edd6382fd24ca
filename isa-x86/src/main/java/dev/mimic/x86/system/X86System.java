package dev.mimic.x86.system;

import dev.mimic.backend.exec.DecodeRequest;
import dev.mimic.backend.exec.Engine;
import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frontend;
import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.exec.RegionCompiler;
import dev.mimic.backend.exec.StopEvent;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.jit.Jit;
import dev.mimic.backend.machine.Disassembly;
import dev.mimic.backend.machine.Machine;
import dev.mimic.backend.machine.MachineException;
import dev.mimic.backend.state.GuestState;
import dev.mimic.backend.state.Slot;
import dev.mimic.backend.state.StateLayout;
import dev.mimic.x86.cpu.Cpuid;
import dev.mimic.x86.cpu.Flags;
import dev.mimic.x86.cpu.Registers;
import dev.mimic.x86.cpu.Vector;
import dev.mimic.x86.cpu.X86Platform;
import dev.mimic.x86.decode.DecodedInsn;
import dev.mimic.x86.decode.X86Disassembler;
import dev.mimic.x86.fpu.X87;
import dev.mimic.x86.fpu.X87Machine;
import dev.mimic.x86.protect.Cpu;
import dev.mimic.x86.protect.Interrupts;
import dev.mimic.x86.translate.CodeMode;
import dev.mimic.x86.translate.X86Semantics;
import dev.mimic.x86.translate.X86Translator;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * An x86 processor in system mode on a bus: real, protected, virtual-8086 mode and paging, over
 * {@link PhysicalMemory}, with port I/O through {@link IoPorts} and maskable interrupts from
 * {@link InterruptRequests}. It is the CPU a PC platform drives: the platform calls {@link #run}, which
 * returns on HLT (so the platform can advance its timers and raise interrupts), on shutdown (a triple
 * fault) and when the instruction budget is spent; interrupts requested while IF is set are taken at
 * the next region boundary, within {@link #INTERRUPT_LATENCY} instructions, and wake a halted CPU.
 *
 * <p>The engine's pc is EIP with the number of the {@link CodeMode} above it, so code decoded in one
 * mode (CS base and size, CPL, paging) is never run in another; the debugger's {@code eip} register is
 * the plain EIP, and its breakpoint addresses are linear (CS base + EIP), as QEMU's gdb stub has them,
 * so {@code break *0x7c00} fires at 0000:7C00 and at 07C0:0000 alike, whatever the mode was when it
 * was set.
 */
public final class X86System implements X87Machine, Frontend, X86Platform {
    /** DR6 B0-B3: which of DR0-DR3 matched. */
    private static final int DR6_MATCHES = 0xF;
    /** Most instructions run between two looks at the interrupt line. */
    public static final int INTERRUPT_LATENCY = 4096;
    /**
     * Instructions' worth of time a PAUSE takes (a Skylake's PAUSE lasts about 140 cycles): the
     * processor's count, which is its clock and its time-stamp counter, moves on by this much, so a
     * guest's delay loop ({@code udelay}, a timer calibration) spins a hundred times fewer rounds.
     */
    public static final int PAUSE_CYCLES = 100;

    /** How the engine runs guest code. */
    public record Options(EngineKind engine, RegionCompiler compiler, int tierThreshold) {
        /** Tiered execution with the JIT at the engine's default threshold. */
        public static Options defaults() {
            return new Options(EngineKind.TIERED, new Jit(), Engine.DEFAULT_TIER_THRESHOLD);
        }
    }

    /** Why {@link #run} returned. */
    public enum Stop {
        /** HLT with no interrupt to wake it (or IF clear): advance time, raise an interrupt, run again. */
        HALTED,
        /** A triple fault shut the processor down; only {@link #reset} restarts it. */
        SHUTDOWN,
        /** The instruction budget was spent. */
        BUDGET,
        /** A debugger event (breakpoint, watchpoint, interrupt request from the host): see {@link #lastEvent}. */
        EVENT
    }

    private final PhysicalMemory physical;
    private final IoPorts ports;
    private final InterruptRequests interrupts;
    private final GuestState state = new GuestState(Registers.LAYOUT);
    private final Cpu cpu;
    private final X86Translator translator = new X86Translator();
    private final ExecutionContext ctx;
    private final Engine engine;
    private final DebugRegisterBreakpoints debugBreakpoints;
    private boolean halted;
    /** An NMI was signalled and waits for delivery (the pin is edge-triggered: one is remembered). */
    private boolean nmiPending;
    private boolean shutdown;
    /**
     * Set when an instruction changed what {@link #run} looks at between instructions (POPF or IRET
     * turned on TF, IRET set RF, a MOV armed debug registers): the engine returns so run looks again.
     */
    private boolean recheck;
    /** Set while an instruction that faulted is delivering its exception (no single-step trap after it). */
    private boolean faulted;
    private StopEvent lastEvent;
    /** What shut the processor down (the faulting state), for the platform to report. */
    private String shutdownReason = "";
    /** The exception and the fault in its delivery that made the last double fault. */
    private String doubleFaultCause = "";
    private int features = Cpuid.SYSTEM_FEATURES;

    public X86System(PhysicalMemory memory, IoPorts ports, InterruptRequests interrupts, Options options) {
        this.physical = memory;
        this.ports = ports;
        this.interrupts = interrupts;
        this.cpu = new Cpu(state, memory);
        this.ctx = new ExecutionContext(state, cpu.memory, this);
        this.engine = new Engine(this, ctx, options.compiler(), options.engine());
        engine.setTierThreshold(options.tierThreshold());
        debugBreakpoints = new DebugRegisterBreakpoints(cpu, engine.debugPoints());
        cpu.onDebugRegisterWrite(() -> {
            debugBreakpoints.rearm();
            recheckAfterInstruction();
        });
        cpu.onDebugTrap(engine::interrupt);
        cpu.onMappingChange(engine::invalidateAll);
        // Breakpoints are linear addresses, code is tracked by physical one: drop all code on a change.
        engine.debugPoints().onBreakpointChange((start, end) -> engine.invalidateAll());
        cpu.memory.onCodeUnmapped(engine::invalidate);
        // A store into code drops its translations, and the region running now yields at its next
        // back-edge, so a loop that patches its own body runs the new code from the next iteration.
        memory.setCodeWriteListener((start, end) -> {
            engine.invalidate(start, end);
            ctx.instructionLimit = ctx.instructions;
        });
        reset();
    }

    /** The processor's system state (control registers, descriptor tables, CPL). */
    public Cpu cpu() {
        return cpu;
    }

    public IoPorts ports() {
        return ports;
    }

    public PhysicalMemory physicalMemory() {
        return physical;
    }

    /** The engine event behind the last {@link Stop#EVENT}, or the last stop of any kind. */
    public StopEvent lastEvent() {
        return lastEvent;
    }

    /**
     * What shut the processor down, in one line: the exception whose delivery failed, with its
     * error code and CS:EIP, and the fault that ended the double fault; empty before a shutdown.
     */
    public String shutdownReason() {
        return shutdownReason;
    }

    /** True after a triple fault, until {@link #reset}. */
    public boolean isShutdown() {
        return shutdown;
    }

    /**
     * Opens or closes the A20 gate; code translated for the other setting is dropped. The gate starts
     * open (as after SeaBIOS, and as multiboot and Linux require).
     */
    public void setA20(boolean open) {
        cpu.memory.setA20(open);
        engine.invalidateAll();
    }

    /** Guest instructions executed since the machine was made (a platform's clock may follow it). */
    public long instructions() {
        return ctx.instructions;
    }

    /**
     * Tells the processor the platform let {@code cycles} of time pass while it was halted; the
     * time-stamp counter counts them, as it would have at its constant rate.
     */
    public void idle(long cycles) {
        cpu.msrs.idle(cycles);
    }

    /**
     * Says the platform maps a local APIC at IA32_APIC_BASE's address: CPUID reports it from now on,
     * and {@code apicBaseWritten} hears each WRMSR to IA32_APIC_BASE.
     */
    public void attachLocalApic(LongConsumer apicBaseWritten) {
        features |= Cpuid.APIC;
        cpu.msrs.onApicBaseWrite(apicBaseWritten);
    }

    /** The feature bits CPUID leaf 1 reports in EDX. */
    public int features() {
        return features;
    }

    /**
     * Signals the NMI pin: vector 2 is delivered at the next instruction boundary the processor
     * looks at (as a maskable interrupt would be, but whatever IF says, and waking HLT), unless an
     * NMI handler is running, in which case it waits for that handler's IRET.
     */
    public void raiseNmi() {
        nmiPending = true;
    }

    /** True while the processor waits in HLT. */
    public boolean isHalted() {
        return halted;
    }

    // ---- starting states ----

    /** The state after RESET (SDM vol. 3 9.1.1): real mode, CS F000 with base FFFF0000, EIP FFF0. */
    @Override
    public void reset() {
        for (Slot s : Registers.LAYOUT.slots()) {
            if (s != Registers.FPU) {
                state.set(s, 0);
            }
        }
        state.setRef(Registers.FPU, new X87());
        cpu.cr0 = Cpu.CR0_ET | Cpu.CR0_CD | Cpu.CR0_NW;
        cpu.cr2 = 0;
        cpu.cr3 = 0;
        cpu.cr4 = 0;
        cpu.gdtBase = 0;
        cpu.gdtLimit = 0xFFFF;
        cpu.idtBase = 0;
        cpu.idtLimit = 0x3FF;
        cpu.ldtSelector = 0;
        cpu.ldtBase = 0;
        cpu.ldtLimit = 0xFFFF;
        cpu.trSelector = 0;
        cpu.trBase = 0;
        cpu.trLimit = 0xFFFF;
        cpu.trAttributes = 0x8B00;
        cpu.cpl = 0;
        Arrays.fill(cpu.dr, 0);
        cpu.dr[6] = Cpu.DR6_FIXED;
        cpu.dr[7] = Cpu.DR7_FIXED;
        cpu.pendingDebugTraps = 0;
        debugBreakpoints.rearm();
        for (int s = 0; s < 6; s++) {
            cpu.setSegment(s, 0, 0, 0xFFFF, 0x9300);
        }
        cpu.setSegment(DecodedInsn.CS, 0xF000, 0xFFFF_0000, 0xFFFF, 0x9B00);
        cpu.setGpr(2, 0x600 | 0x19);
        Registers.setEflags(state, Flags.FIXED_ONE);
        cpu.memory.flush(false);
        halted = false;
        shutdown = false;
        nmiPending = false;
        cpu.nmiBlocked = false;
        shutdownReason = "";
        engine.invalidateAll();
        cpu.jump(0xFFF0);
    }

    /**
     * The state multiboot (and the Linux 32-bit boot protocol) hand a kernel: protected mode without
     * paging, CS a flat 32-bit code segment (selector 0x10) and the data segments flat (0x18), IF clear,
     * at {@code eip} with EAX, EBX and ESI as given (the multiboot magic and info address, or the Linux
     * boot parameters in ESI). The GDT register is left empty, as both protocols allow.
     */
    public void startProtected(int eip, int eax, int ebx, int esi) {
        reset();
        cpu.cr0 = Cpu.CR0_PE | Cpu.CR0_ET;
        cpu.gdtLimit = 0;
        for (int s = 0; s < 6; s++) {
            cpu.setSegment(s, 0x18, 0, -1, Cpu.FLAT_DATA | 0x100);
        }
        cpu.setSegment(DecodedInsn.CS, 0x10, 0, -1, Cpu.FLAT_CODE | 0x100);
        cpu.setGpr(0, eax);
        cpu.setGpr(3, ebx);
        cpu.setGpr(6, esi);
        cpu.setGpr(2, 0);
        engine.invalidateAll();
        cpu.jump(eip);
    }

    // ---- running ----

    /**
     * Runs at most {@code maxInstructions} guest instructions; returns why it stopped. A halted
     * processor wakes when an interrupt is requested while IF is set; otherwise it returns
     * {@link Stop#HALTED} at once. As with the engine's run, a breakpoint on the first instruction
     * does not fire (the run resumes from it).
     */
    public Stop run(long maxInstructions) {
        return run(maxInstructions, true);
    }

    /**
     * Runs as {@link #run(long)} does; {@code resuming} false makes a breakpoint on the first
     * instruction fire too, for a platform that runs the processor in slices and resumed in an
     * earlier one. Breakpoints are looked for before every instruction the processor starts from,
     * so an interrupt handler's first instruction stops as any other does.
     */
    public Stop run(long maxInstructions, boolean resuming) {
        long end = ctx.instructions + maxInstructions;
        boolean skipBreakpoint = resuming;
        while (!shutdown) {
            long left = end - ctx.instructions;
            if (left <= 0) {
                return Stop.BUDGET;
            }
            boolean shadowed = cpu.interruptShadow;
            if (takeInterrupt()) {
                halted = false;
                skipBreakpoint = false;
            }
            if (cpu.pendingDebugTraps != 0) {
                debugTrap(cpu.pendingDebugTraps);
                continue;
            }
            if (halted) {
                return Stop.HALTED;
            }
            if (!skipBreakpoint && engine.debugPoints().hasBreakpoints()) {
                StopEvent hit = engine.breakpointHere();
                if (guestBreakpoint(hit)) {
                    continue;
                }
                if (hit != null) {
                    lastEvent = hit;
                    return Stop.EVENT;
                }
            }
            skipBreakpoint = false;
            int eflags = Registers.eflags(state);
            if ((eflags & Flags.RF) != 0) {
                // RF suppressed the instruction breakpoint of the instruction about to start (or had
                // none to suppress); it lasts no longer (SDM vol. 3 17.3.1.1).
                Registers.setEflags(state, eflags & ~Flags.RF);
            }
            if ((eflags & Flags.TF) != 0 || debugBreakpoints.watchesPorts()) {
                stepWatched();
                continue;
            }
            long slice = Math.min(left, shadowed ? 1 : INTERRUPT_LATENCY);
            // The engine's run may finish a region past its budget; one instruction is a step.
            recheck = false;
            lastEvent = slice == 1 ? engine.step() : engine.run(slice);
            if (shutdown) {
                break;
            }
            int traps = cpu.pendingDebugTraps | debugBreakpoints.dataHits(lastEvent);
            if (traps != 0) {
                recheck = false;
                debugTrap(traps);
                continue;
            }
            if (halted || recheck) {
                recheck = false;
                continue;
            }
            if (guestBreakpoint(lastEvent)) {
                continue;
            }
            if (lastEvent.kind() != StopEvent.Kind.LIMIT && lastEvent.kind() != StopEvent.Kind.STEPPED) {
                return Stop.EVENT;
            }
        }
        return Stop.SHUTDOWN;
    }

    /**
     * Handles {@code e} when it is one of the guest's instruction breakpoints (DR0-DR3): with
     * EFLAGS.RF set the instruction runs (RF suppresses one breakpoint, SDM vol. 3 17.3.1.1) and RF
     * clears; otherwise a #DB fault at the instruction, DR6 B0-B3 saying which matched. False for
     * any other event.
     */
    private boolean guestBreakpoint(StopEvent e) {
        int matches = debugBreakpoints.instructionHits(e);
        if (matches == 0) {
            return false;
        }
        int eflags = Registers.eflags(state);
        if ((eflags & Flags.RF) != 0) {
            Registers.setEflags(state, eflags & ~Flags.RF);
            stepWatched();
        } else {
            setDebugStatus(matches);
            deliver(Vector.DB, -1, cpu.eip(), Interrupts.Source.EXCEPTION);
        }
        return true;
    }

    /**
     * Runs one instruction and raises the debug traps it earned as one #DB after it (SDM vol. 3
     * 17.3.1): the single-step trap when TF was set before it (DR6.BS, 17.3.1.4), a data or I/O
     * breakpoint it hit (B0-B3), a task switch into a TSS with its T bit (BT); the handler returns
     * to the next instruction. An instruction that faults has not completed and traps no more.
     */
    private void stepWatched() {
        faulted = false;
        cpu.pendingDebugTraps = 0;
        int step = (Registers.eflags(state) & Flags.TF) != 0 ? Cpu.DR6_BS : 0;
        lastEvent = engine.step();
        int traps = step | cpu.pendingDebugTraps | debugBreakpoints.dataHits(lastEvent);
        cpu.pendingDebugTraps = 0;
        if (!faulted && !shutdown && traps != 0) {
            debugTrap(traps);
        }
    }

    /** Delivers a #DB trap whose DR6 bits are {@code dr6Bits}, returning to the next instruction. */
    private void debugTrap(int dr6Bits) {
        cpu.pendingDebugTraps = 0;
        setDebugStatus(dr6Bits);
        deliver(Vector.DB, -1, cpu.eip(), Interrupts.Source.EXCEPTION);
    }

    /**
     * Adds a debug exception's bits to DR6 (B0-B3, when it has some, say which breakpoints matched this
     * time) and clears DR7.GD, as entering the #DB handler does (SDM vol. 3 17.2.4).
     */
    private void setDebugStatus(int dr6Bits) {
        int dr6 = (dr6Bits & DR6_MATCHES) != 0 ? cpu.dr[6] & ~DR6_MATCHES : cpu.dr[6];
        cpu.dr[6] = dr6 | dr6Bits;
        cpu.dr[7] &= ~Cpu.DR7_GD;
    }

    /**
     * Makes the engine return to {@link #run} after the current instruction, which ends its region
     * (so the next one waits for run to look at TF, RF and the debug registers).
     */
    void recheckAfterInstruction() {
        recheck = true;
        engine.interrupt();
    }

    /** Called by the port instructions after an access: an I/O breakpoint it hits traps after the instruction. */
    void portAccessed(int port, int size) {
        int hits = debugBreakpoints.ioHits(port, size);
        if (hits != 0) {
            cpu.raiseDebugTrap(hits);
        }
    }

    /**
     * Delivers a pending NMI unless one is being handled, else a requested maskable interrupt if IF
     * allows; true when one was taken. Right after a load of SS none is taken, so the MOV to ESP that
     * follows runs first (SDM vol. 2 MOV).
     */
    private boolean takeInterrupt() {
        if (cpu.interruptShadow) {
            cpu.interruptShadow = false;
            return false;
        }
        if (nmiPending && !cpu.nmiBlocked) {
            nmiPending = false;
            cpu.nmiBlocked = true;
            deliver(Vector.NMI, -1, cpu.eip(), Interrupts.Source.EXTERNAL);
            return true;
        }
        if ((Registers.eflags(state) & Flags.IF) == 0 || !interrupts.pending()) {
            return false;
        }
        int vector = interrupts.acknowledge() & 0xFF;
        deliver(vector, -1, cpu.eip(), Interrupts.Source.EXTERNAL);
        return true;
    }

    // ---- Frontend ----

    @Override
    public StateLayout layout() {
        return Registers.LAYOUT;
    }

    @Override
    public Region decode(long pc, DecodeRequest request, ExecutionContext context) {
        CodeMode mode = cpu.mode((int) (pc >>> 32));
        return translator.translate(pc, request, mode, new X86Translator.CodeSpace() {
            @Override
            public int byteAt(long eip) {
                if (Long.compareUnsigned(eip, mode.csLimit() & 0xFFFF_FFFFL) > 0) {
                    throw Vector.generalProtection(0, "code fetch beyond the CS limit");
                }
                return physical.load8(cpu.memory.translate(mode.csBase() + eip, false));
            }

            @Override
            public void cover(RegionBuilder b, long start, long end) {
                for (long at = start; at < end; ) {
                    long linear = mode.csBase() + at & 0xFFFF_FFFFL;
                    long stop = Math.min(end, at + (0x1000 - (linear & 0xFFF)));
                    long physicalStart = cpu.memory.translateCode(linear);
                    b.coverCode(physicalStart, physicalStart + (stop - at));
                    at = stop;
                }
            }
        });
    }

    @Override
    public StopEvent onFault(GuestFault fault, ExecutionContext context) {
        faulted = true;
        int vector = delivered(fault);
        int error = Vector.hasErrorCode(vector) ? Vector.errorCode(fault) : -1;
        if (restartsWithRf(vector)) {
            Registers.setEflags(state, Registers.eflags(state) | Flags.RF);
        }
        deliver(vector, error, cpu.eip(), Interrupts.Source.EXCEPTION);
        return shutdown ? StopEvent.faulted(state.pc(), shutdownReason) : null;
    }

    /**
     * Delivers an event; a fault while delivering becomes a double fault where SDM vol. 3 table 6-5 says
     * so (or is delivered itself), and a fault while delivering a double fault shuts the processor down.
     */
    private void deliver(int vector, int errorCode, int returnEip, Interrupts.Source source) {
        try {
            cpu.atomically(() -> Interrupts.deliver(cpu, vector, errorCode, returnEip, source));
        } catch (GuestFault second) {
            int next = delivered(second);
            boolean exception = source == Interrupts.Source.EXCEPTION;
            if (exception && vector == Vector.DF) {
                shutdown = true;
                shutdownReason = String.format("triple fault at %04x:%08x: %s; delivering the double fault raised %s (EFLAGS %08x, CR0 %08x)",
                        cpu.selector(DecodedInsn.CS), returnEip, doubleFaultCause, describe(next, second), Registers.eflags(state), cpu.cr0);
                return;
            }
            boolean doubles = exception && (contributory(vector) && contributory(next)
                    || vector == Vector.PF && (next == Vector.PF || contributory(next)));
            if (doubles) {
                doubleFaultCause = describe(vector, errorCode) + ", whose delivery raised " + describe(next, second);
                deliver(Vector.DF, 0, returnEip, Interrupts.Source.EXCEPTION);
            } else {
                deliver(next, Vector.hasErrorCode(next) ? Vector.errorCode(second) : -1, returnEip, Interrupts.Source.EXCEPTION);
            }
        }
    }

    /** A fault in a message: {@code #GP(0x0010)}, {@code #PF(0x0002) at 0xc0001000}. */
    private String describe(int vector, GuestFault fault) {
        return describe(vector, Vector.hasErrorCode(vector) ? Vector.errorCode(fault) : -1)
                + (vector == Vector.PF ? String.format(" at 0x%08x", cpu.cr2) : "");
    }

    /** An event in a message: its mnemonic and error code ({@code -1}: none). */
    private static String describe(int vector, int errorCode) {
        return Vector.name(vector) + (errorCode >= 0 ? String.format("(0x%04x)", errorCode & 0xFFFF) : "");
    }

    /** The vector of a fault about to be delivered; a page fault's linear address goes to CR2. */
    private int delivered(GuestFault fault) {
        if (fault.kind() == GuestFault.Kind.MEMORY) {
            cpu.cr2 = (int) fault.address();
        }
        return Vector.of(fault);
    }

    /**
     * True for the fault-class exceptions whose handler's IRET restarts the instruction with RF set in
     * the EFLAGS image, so an instruction breakpoint on it does not fire a second time (SDM vol. 3
     * 17.3.1.1): all faults but the debug exception itself.
     */
    private static boolean restartsWithRf(int vector) {
        return switch (vector) {
            case Vector.DE, Vector.BR, Vector.UD, Vector.NM, Vector.TS, Vector.NP, Vector.SS, Vector.GP, Vector.PF,
                 Vector.MF, Vector.AC -> true;
            default -> false;
        };
    }

    private static boolean contributory(int vector) {
        return vector == Vector.DE || vector >= Vector.TS && vector <= Vector.GP;
    }

    /** The linear address of the code at {@code pc}: its mode's CS base plus EIP. */
    @Override
    public long debugAddress(long pc) {
        return cpu.mode((int) (pc >>> 32)).csBase() + pc & 0xFFFF_FFFFL;
    }

    @Override
    public StopEvent onStop(int code, ExecutionContext context) {
        if (code == X86Semantics.STOP_HALT) {
            if (!takeInterrupt()) {
                halted = true;
                return StopEvent.of(StopEvent.Kind.INTERRUPTED, state.pc(), "halted");
            }
            return null;
        }
        if (code == X86Semantics.STOP_PAUSE) {
            context.instructions += PAUSE_CYCLES - 1;
            return null;
        }
        if (code == X86Semantics.STOP_INTERRUPT_WINDOW) {
            takeInterrupt();
            if ((Registers.eflags(state) & Flags.TF) != 0) {
                recheck = true;
                return StopEvent.of(StopEvent.Kind.INTERRUPTED, state.pc(), "single-step");
            }
            return null;
        }
        throw new IllegalStateException("x86 system: unexpected stop code " + code);
    }

    // ---- X86Platform ----

    @Override
    public void loadSegment(ExecutionContext context, int segment, int selector) {
        SystemInstructions.loadSegment(context, segment, selector);
    }

    // ---- Machine ----

    @Override
    public String name() {
        return "x86-system";
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public List<String> registerNames() {
        List<String> names = new ArrayList<>(Registers.GENERAL);
        names.add("eip");
        names.add("eflags");
        names.addAll(Registers.SEGMENTS);
        names.addAll(List.of("cr0", "cr2", "cr3", "cr4", "cpl"));
        return names;
    }

    @Override
    public long register(String name) {
        return switch (name) {
            case "eflags" -> Registers.eflags(state) & 0xFFFF_FFFFL;
            case "eip" -> cpu.eip() & 0xFFFF_FFFFL;
            case "cr0" -> cpu.cr0 & 0xFFFF_FFFFL;
            case "cr2" -> cpu.cr2 & 0xFFFF_FFFFL;
            case "cr3" -> cpu.cr3 & 0xFFFF_FFFFL;
            case "cr4" -> cpu.cr4 & 0xFFFF_FFFFL;
            case "cpl" -> cpu.cpl;
            default -> state.get(slot(name)) & 0xFFFF_FFFFL;
        };
    }

    /** Sets a register; segment registers are loaded as MOV would in the current mode. */
    @Override
    public void setRegister(String name, long value) {
        switch (name) {
            case "eflags" -> Registers.setEflags(state, (int) value);
            case "eip" -> cpu.jump((int) value);
            case "cr0" -> cpu.setCr0((int) value);
            case "cr2" -> cpu.cr2 = (int) value;
            case "cr3" -> cpu.setCr3((int) value);
            case "cr4" -> cpu.setCr4((int) value);
            case "cpl" -> cpu.cpl = (int) value & 3;
            default -> {
                int segment = Registers.SEGMENTS.indexOf(name);
                if (segment >= 0) {
                    SystemInstructions.loadSegment(ctx, segment, (int) value);
                } else {
                    state.set(slot(name), value & 0xFFFF_FFFFL);
                }
            }
        }
        if (!name.equals("eip")) {
            cpu.jump(cpu.eip());
        }
    }

    private Slot slot(String name) {
        if (!registerNames().contains(name)) {
            throw new MachineException("unknown register '" + name + "' (x86-system has " + String.join(", ", registerNames()) + ")");
        }
        return Registers.LAYOUT.find(name).orElseThrow();
    }

    @Override
    public X87 fpu() {
        return (X87) state.getRef(Registers.FPU);
    }

    @Override
    public String pcRegister() {
        return "eip";
    }

    /** Reads physical memory (devices answer as they would to the CPU). */
    @Override
    public byte[] readMemory(long address, int length) {
        byte[] b = new byte[length];
        physical.read(address, b, 0, length);
        return b;
    }

    @Override
    public void writeMemory(long address, byte[] bytes) {
        physical.write(address, bytes, 0, bytes.length);
    }

    /** Disassembles at CS:{@code address} in the current mode. */
    @Override
    public List<Disassembly> disassemble(long address, int count) {
        CodeMode mode = cpu.mode();
        return X86Disassembler.listing(translator.decoder(),
                eip -> physical.load8(cpu.memory.translate(mode.csBase() + eip, false)), address & 0xFFFF_FFFFL, count,
                mode.code32());
    }

    /** Registers, FPU, system registers and RAM; devices are the platform's to save. */
    @Override
    public void saveState(DataOutputStream out) throws IOException {
        Registers.write(state, out);
        cpu.write(out);
        out.writeBoolean(halted);
        out.writeBoolean(shutdown);
        physical.writeRam(out);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        GuestState saved = Registers.read(in);
        cpu.read(in);
        halted = in.readBoolean();
        shutdown = in.readBoolean();
        physical.readRam(in);
        state.copyFrom(saved);
        debugBreakpoints.rearm();
        engine.invalidateAll();
        cpu.jump(cpu.eip());
    }
}
