package dev.mimic.x86.user;

import dev.mimic.backend.exec.DecodeRequest;
import dev.mimic.backend.exec.Engine;
import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frontend;
import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.exec.StopEvent;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.machine.DebuggerMemory;
import dev.mimic.backend.machine.Disassembly;
import dev.mimic.backend.machine.Machine;
import dev.mimic.backend.machine.MachineException;
import dev.mimic.backend.state.GuestState;
import dev.mimic.backend.state.Slot;
import dev.mimic.backend.state.StateLayout;
import dev.mimic.x86.cpu.Registers;
import dev.mimic.x86.cpu.Vector;
import dev.mimic.x86.cpu.X86Platform;
import dev.mimic.x86.decode.DecodedInsn;
import dev.mimic.x86.decode.X86Disassembler;
import dev.mimic.x86.fpu.X87;
import dev.mimic.x86.fpu.X87Machine;
import dev.mimic.x86.memory.PagedMemory;
import dev.mimic.x86.translate.X86Semantics;
import dev.mimic.x86.translate.X86Translator;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A static i386 Linux program running in user mode: the x86 CPU at privilege level 3 over a flat
 * 32-bit address space, with INT 0x80 served by {@link LinuxSyscalls} on the host. Faults become the
 * signals Linux sends (SIGSEGV, SIGILL, SIGFPE...), delivered with the process's own signals when it
 * returns from a system call, faults, or is interrupted between blocks (the interval timer); one that
 * ends the process is what {@link #terminatingSignal()} reports.
 */
public final class UserMachine implements X87Machine, Frontend, X86Platform {
    /** The user code and data selectors Linux loads (GDT entries 14 and 15 at RPL 3: __USER_CS, __USER_DS). */
    static final int USER_CS = 0x73, USER_DS = 0x7B;
    private static final int NR_SIGRETURN = 119, NR_RT_SIGRETURN = 173;

    private final UserModeRunner.Options options;
    private final PagedMemory memory = new PagedMemory();
    private final GuestState state = new GuestState(Registers.LAYOUT);
    private final X86Translator translator = new X86Translator();
    private final Engine engine;
    private final ExecutionContext ctx;
    private LinuxSyscalls linux;
    private SignalState signals;
    private RealTimer timer;
    private SignalFrame frames;
    private SignalDelivery delivery;
    private Signal signal;
    private volatile boolean signalInterrupt;

    UserMachine(UserModeRunner.Options options, ElfImage image) {
        this.options = options;
        this.ctx = new ExecutionContext(state, memory, this);
        this.engine = new Engine(this, ctx, options.compiler(), options.engine());
        engine.setTierThreshold(options.tierThreshold());
        start(image);
    }

    private void start(ElfImage image) {
        memory.unmapAll();
        Random random = new Random(0x6D696D6963L);
        if (timer != null) {
            timer.set(0, 0);
        }
        signals = new SignalState();
        timer = new RealTimer(signals, this::interruptForSignal);
        GuestMemoryAccess guest = new GuestMemoryAccess(memory);
        frames = new SignalFrame(ctx, guest);
        delivery = new SignalDelivery(signals, frames, state);
        linux = new LinuxSyscalls(memory, options.program(), options.stdin(), options.stdout(), options.stderr(),
                options.strace() ? options.stderr() : null, random);
        linux.setSignals(new SignalSyscalls(signals, timer, guest, LinuxSyscalls.PID, linux.uid()));
        linux.setBreak(image.load(memory));
        List<String> argv = new ArrayList<>();
        argv.add(options.program().toString());
        argv.addAll(options.arguments());
        long esp = InitialStack.build(memory, image, options.program().toString(), argv, options.environment(),
                linux.uid(), linux.gid(), random);
        for (Slot s : Registers.LAYOUT.slots()) {
            if (s != Registers.FPU) {
                state.set(s, 0);
            }
        }
        state.setRef(Registers.FPU, new X87());
        state.set(Registers.gpr(4), esp);
        Registers.setEflags(state, 0x202);
        for (int seg = 0; seg < 6; seg++) {
            state.set(Registers.selector(seg), seg == 1 ? USER_CS : seg < 4 ? USER_DS : 0);
        }
        state.setPc(image.entry());
        signal = null;
    }

    /** How this machine was asked to run. */
    public UserModeRunner.Options options() {
        return options;
    }

    /** The signal that ended the process, or null. */
    public Signal terminatingSignal() {
        return signal;
    }

    // ---- Frontend ----

    @Override
    public StateLayout layout() {
        return Registers.LAYOUT;
    }

    @Override
    public Region decode(long pc, DecodeRequest request, ExecutionContext ctx) {
        return translator.translate(pc, request, memory);
    }

    /** A fault is the signal the kernel forces for it (arch/x86/kernel/traps.c, fault.c), delivered at once. */
    @Override
    public StopEvent onFault(GuestFault fault, ExecutionContext ctx) {
        state.setPc(fault.pc());
        FaultSignal f = FaultSignal.of(fault, memory, linux::isPastEndOfFile);
        signals.force(f.info());
        return deliverOrEnd(delivery.deliver(f.trap()), fault.getMessage());
    }

    private StopEvent deliverOrEnd(Signal fatal, String why) {
        if (fatal == null) {
            return null;
        }
        signal = fatal;
        timer.set(0, 0);
        return new StopEvent(StopEvent.Kind.FAULTED, state.pc(), fatal.description() + " (" + why + ")",
                128 + fatal.number(), 0);
    }

    /**
     * Delivers signals that arrived while the guest ran (the interval timer interrupts the engine for
     * them). Returns null when the guest should run on, or the event that ends it.
     */
    public StopEvent deliverArrivedSignals() {
        return deliverOrEnd(delivery.deliver(SignalFrame.Trap.NONE), "signal");
    }

    private void interruptForSignal() {
        signalInterrupt = true;
        engine.interrupt();
    }

    /**
     * Whether the last engine interrupt was a signal's (the interval timer's), not a user's; asking
     * clears it. The signal itself may have been delivered already, by a system call that returned.
     */
    public boolean takeSignalInterrupt() {
        boolean was = signalInterrupt;
        signalInterrupt = false;
        return was;
    }

    @Override
    public StopEvent onStop(int code, ExecutionContext ctx) {
        int vector = code - X86Semantics.STOP_INTERRUPT;
        if (vector == 0x80) {
            return systemCall();
        }
        FaultSignal f = FaultSignal.ofInterrupt(vector, state);
        signals.force(f.info());
        return deliverOrEnd(delivery.deliver(f.trap()), "int 0x" + Integer.toHexString(vector));
    }

    private StopEvent systemCall() {
        int call = (int) state.get(Registers.gpr(0));
        if (call == NR_SIGRETURN || call == NR_RT_SIGRETURN) {
            try {
                signals.setBlocked(frames.pop(call == NR_RT_SIGRETURN, signals));
            } catch (GuestMemoryAccess.BadAddress e) {
                return deliverOrEnd(Signal.SIGSEGV, "bad signal frame");
            }
            return deliverOrEnd(delivery.deliver(SignalFrame.Trap.NONE), "signal");
        }
        linux.call(state);
        int status = linux.exitStatus();
        if (status >= 0) {
            timer.set(0, 0);
            return StopEvent.exited(state.pc(), status);
        }
        return deliverOrEnd(delivery.afterCall(call), "signal");
    }

    // ---- X86Platform ----

    /**
     * The null selector, Linux's flat user code and data segments, and the TLS entries
     * set_thread_area filled; anything else is #GP(selector).
     */
    @Override
    public void loadSegment(ExecutionContext ctx, int segment, int selector) {
        int base = segmentBase(segment, selector);
        state.set(Registers.selector(segment), selector);
        state.set(Registers.base(segment), base);
        state.set(Registers.limit(segment), -1);
    }

    private int segmentBase(int segment, int selector) {
        int index = selector >>> 3;
        boolean ldt = (selector & 4) != 0;
        if (!ldt && index == 0 && segment != 2 && segment != 1) {
            return 0;
        }
        if (!ldt && (selector & 3) == 3) {
            if (selector == USER_CS || selector == USER_DS) {
                return 0;
            }
            if (index >= LinuxSyscalls.TLS_FIRST && index < LinuxSyscalls.TLS_FIRST + LinuxSyscalls.TLS_ENTRIES) {
                return linux.tlsBase(index);
            }
        }
        throw Vector.generalProtection(selector & ~3, "segment selector 0x" + Integer.toHexString(selector));
    }

    // ---- Machine ----

    @Override
    public String name() {
        return "x86-user";
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public void reset() {
        start(UserModeRunner.image(options.program()));
        engine.invalidateAll();
    }

    @Override
    public List<String> registerNames() {
        List<String> names = new ArrayList<>(Registers.GENERAL);
        names.add("eip");
        names.add("eflags");
        names.addAll(Registers.SEGMENTS);
        return names;
    }

    @Override
    public long register(String name) {
        if (name.equals("eflags")) {
            return Registers.eflags(state) & 0xFFFF_FFFFL;
        }
        return state.get(slot(name)) & 0xFFFF_FFFFL;
    }

    @Override
    public void setRegister(String name, long value) {
        if (name.equals("eflags")) {
            Registers.setEflags(state, (int) value);
        } else {
            state.set(slot(name), value & 0xFFFF_FFFFL);
        }
    }

    private Slot slot(String name) {
        if (!registerNames().contains(name)) {
            throw new MachineException("unknown register '" + name + "' (x86-user has " + String.join(", ", registerNames()) + ")");
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

    @Override
    public byte[] readMemory(long address, int length) {
        return DebuggerMemory.read(memory, address, length, "not mapped");
    }

    @Override
    public void writeMemory(long address, byte[] bytes) {
        DebuggerMemory.write(memory, address, bytes, "not mapped");
    }

    @Override
    public List<Disassembly> disassemble(long address, int count) {
        return X86Disassembler.listing(translator.decoder(), memory::load8, address, count, true);
    }

    /** Registers, the FPU and every mapped page; open files and the program break are not saved. */
    @Override
    public void saveState(DataOutputStream out) throws IOException {
        Registers.write(state, out);
        byte[] page = new byte[PagedMemory.PAGE_SIZE];
        for (long p = 0; p < 1L << 32; p += PagedMemory.PAGE_SIZE) {
            if (memory.isMapped(p)) {
                out.writeInt((int) (p >>> PagedMemory.PAGE_SHIFT));
                out.writeByte(memory.protection(p));
                memory.read(p, page, 0, page.length);
                out.write(page);
            }
        }
        out.writeInt(-1);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        GuestState saved = Registers.read(in);
        memory.unmapAll();
        byte[] page = new byte[PagedMemory.PAGE_SIZE];
        for (int p = in.readInt(); p != -1; p = in.readInt()) {
            int prot = in.readByte();
            in.readFully(page);
            long at = (p & 0xFFFFFL) << PagedMemory.PAGE_SHIFT;
            memory.map(at, PagedMemory.PAGE_SIZE, prot);
            memory.poke(at, page, 0, page.length);
        }
        state.copyFrom(saved);
        linux.resume();
        signal = null;
        engine.invalidateAll();
    }
}
