package dev.mimic.pc.machine;

import dev.mimic.backend.exec.Engine;
import dev.mimic.backend.exec.StopEvent;
import dev.mimic.backend.machine.Disassembly;
import dev.mimic.backend.machine.Machine;
import dev.mimic.backend.machine.StackFrame;
import dev.mimic.pc.apic.IoApic;
import dev.mimic.pc.apic.LocalApic;
import dev.mimic.pc.board.BoardSettings;
import dev.mimic.pc.board.BoardSetup;
import dev.mimic.pc.board.Host;
import dev.mimic.pc.board.PcBoard;
import dev.mimic.pc.clock.VirtualClock;
import dev.mimic.pc.config.PcOptions;
import dev.mimic.pc.firmware.BiosImage;
import dev.mimic.pc.vga.Vga;
import dev.mimic.pc.vga.VgaBars;
import dev.mimic.x86.fpu.X87;
import dev.mimic.x86.fpu.X87Machine;
import dev.mimic.x86.system.PhysicalMemory;
import dev.mimic.x86.system.X86System;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * QEMU's i440FX PC put together: the x86 processor in system mode over RAM, the VGA window, the
 * shadowed BIOS area and the BIOS at the top of 4 GiB, the {@link PcBoard}'s devices on its ports,
 * and a run loop that keeps device time in step with the processor. Time is virtual and
 * deterministic: each instruction is {@link #NANOS_PER_INSTRUCTION} ns, and a halted processor
 * jumps to the next device deadline, so a run with the same inputs repeats exactly.
 *
 * <p>As a {@link Machine} it is the processor's view (registers, physical memory, the engine), so
 * the workbench and the GDB stub work on it; debuggers run it through {@link #resume} and
 * {@link #step}, which are {@link #run}, so device time moves under a debugger as without one.
 * Breakpoints and memory reads and writes are at linear addresses (see {@link X86System}), and so are watchpoints: they watch
 * the accesses guest instructions make through segmentation and paging, not those the processor
 * makes itself (descriptor loads, the pushes of an interrupt delivery) or devices' DMA.
 */
public final class PcMachine implements X87Machine, Closeable {
    /** The nominal speed: one instruction per nanosecond, a 1 GHz processor of CPI 1. */
    public static final long NANOS_PER_INSTRUCTION = 1;
    /** The most instructions run before devices get a look, when no deadline comes sooner. */
    private static final long LONGEST_SLICE = 1 << 20;
    /** The fewest, so a deadline a few nanoseconds away does not make slices of one instruction. */
    private static final long SHORTEST_SLICE = 256;
    private static final long INTERRUPT_FLAG = 1 << 9;

    private final PcOptions options;
    private final BoardSetup setup;
    private final PcBoard board;
    private final PhysicalMemory memory;
    private final BiosShadow shadow;
    private final X86System cpu;
    private final LinearMemory linear;
    /** The devices and the BIOS shadow as built, restored by {@link #reset}. */
    private final byte[] devicesAtPowerOn, shadowAtPowerOn;
    private boolean resetRequested;
    private Integer exitStatus;
    private Consumer<String> notices = message -> { };

    private PcMachine(PcOptions options, Host host, X86System.Options engine) {
        this.options = options;
        BiosImage bios = BiosImage.read(options.bios());
        this.setup = BoardSetup.open(options, host, () -> resetRequested = true,
                status -> exitStatus = status);
        try {
            BoardSettings settings = setup.settings();
            memory = new PhysicalMemory(Math.toIntExact(settings.ram().below4g()));
            board = new PcBoard(memory, settings);
            setup.installKernel(board.fwCfg(), BoardSetup.OPTION_ROMS);
            memory.mapDevice(Vga.MEMORY_BASE, Vga.MEMORY_SIZE, board.vga().memory());
            board.vga().loadBios(Vga.STDVGA_BIOS);
            long hole = settings.ram().below4g();
            memory.mapDevice(hole, VgaBars.HOLE_END - hole, board.vga().pciMemory(hole));
            shadow = new BiosShadow(board.hostBridge(), memory, bios.isaBase(), bios.isaWindow());
            memory.mapDevice(BiosShadow.BASE, BiosShadow.LENGTH, shadow);
            memory.mapRom(bios.highBase(), bios.image());
            memory.mapDevice(IoApic.BASE, IoApic.LENGTH, board.ioApic());
            memory.mapDevice(LocalApic.BASE, LocalApic.LENGTH, board.localApic());
            cpu = new X86System(memory, board.io(), board.interrupts(), engine);
            cpu.attachLocalApic(board.localApic()::writeBaseMsr);
            board.localApic().onNmi(cpu::raiseNmi);
            linear = new LinearMemory(cpu);
            cpu.setA20(board.a20().enabled());
            board.a20().onChange(cpu::setA20);
            devicesAtPowerOn = state(board::saveState);
            shadowAtPowerOn = state(shadow::saveState);
        } catch (RuntimeException e) {
            setup.close();
            throw e;
        }
    }

    /** Builds the PC {@code options} describe, at its power-on state; problems are one-line {@code MachineException}s. */
    public static PcMachine create(PcOptions options, Host host, X86System.Options engine) {
        return new PcMachine(options, host, engine);
    }

    public X86System cpu() {
        return cpu;
    }

    public PcBoard board() {
        return board;
    }

    public PcOptions options() {
        return options;
    }

    /** Who hears what the machine has to say while it runs on (a reset after a triple fault), one line each. */
    public void onNotice(Consumer<String> listener) {
        this.notices = listener;
    }

    /**
     * Runs at most {@code maxInstructions} instructions, devices keeping pace: returns when the
     * guest asks to exit, when it resets or triple-faults under {@code -no-reboot} (otherwise the
     * processor restarts at the BIOS), when it halts for good, on a debugger event or when the
     * budget is spent.
     */
    public RunResult run(long maxInstructions) {
        VirtualClock clock = board.clock();
        long end = cpu.instructions() + maxInstructions;
        boolean resuming = true;
        while (true) {
            long left = end - cpu.instructions();
            if (left <= 0) {
                return new RunResult(RunResult.Kind.BUDGET, 0, "");
            }
            // The engine stops for an interrupt that comes while it runs, but it clears the request
            // when a run starts; one that came while the processor was halted (an idle guest spends
            // most of its time so) or between slices must be taken here, or it would be lost.
            if (!resuming && interruptRequested()) {
                return new RunResult(RunResult.Kind.INTERRUPTED, 0, "");
            }
            long untilDeadline = (clock.nextDeadline() - clock.nanos()) / NANOS_PER_INSTRUCTION;
            long slice = Math.min(left, Math.clamp(untilDeadline, SHORTEST_SLICE, LONGEST_SLICE));
            long before = cpu.instructions();
            X86System.Stop stop = cpu.run(slice, resuming);
            resuming = false;
            clock.advanceBy((cpu.instructions() - before) * NANOS_PER_INSTRUCTION);
            if (exitStatus != null) {
                return new RunResult(RunResult.Kind.EXITED, exitStatus, "");
            }
            if (resetRequested) {
                resetRequested = false;
                if (options.noReboot()) {
                    return new RunResult(RunResult.Kind.REBOOT_REFUSED, 0, "");
                }
                reset();
                continue;
            }
            switch (stop) {
                case HALTED -> {
                    if ((cpu.register("eflags") & INTERRUPT_FLAG) == 0) {
                        return new RunResult(RunResult.Kind.STOPPED, 1, "the processor halted with interrupts disabled at "
                                + String.format("%04x:%08x", cpu.register("cs"), cpu.register("eip")));
                    }
                    long wait = clock.nextDeadline() - clock.nanos();
                    clock.advanceBy(wait);
                    cpu.idle(wait / NANOS_PER_INSTRUCTION);
                }
                case SHUTDOWN -> {
                    // QEMU ends with status 0 under -no-reboot, as for any reset the guest asks for.
                    if (options.noReboot()) {
                        return new RunResult(RunResult.Kind.SHUTDOWN, 0, cpu.shutdownReason());
                    }
                    notices.accept(cpu.shutdownReason() + "; resetting");
                    reset();
                }
                case EVENT -> {
                    return new RunResult(RunResult.Kind.EVENT, 0, "");
                }
                case BUDGET -> { }
            }
        }
    }

    /** The chipset's NMI, as QEMU's monitor command {@code nmi} sends it: a pulse on the local APIC's LINT1. */
    public void nmi() {
        board.localApic().lint1();
    }

    private boolean interruptRequested() {
        var context = cpu.engine().context();
        boolean requested = context.interruptRequested;
        context.interruptRequested = false;
        return requested;
    }

    // ---- Machine: the processor's view ----

    @Override
    public String name() {
        return "x86";
    }

    @Override
    public Engine engine() {
        return cpu.engine();
    }

    /**
     * Runs for a debugger: {@link #run}, the outcome as the engine's event. An exit, a refused
     * reboot and a shutdown end the guest ({@code EXITED} with the status the emulator would end
     * with); a processor halted with interrupts disabled has died ({@code FAULTED}).
     */
    @Override
    public StopEvent resume(long maxInstructions) {
        RunResult r = run(maxInstructions);
        long pc = cpu.engine().context().state.pc();
        return switch (r.kind()) {
            case EVENT -> cpu.lastEvent();
            case BUDGET -> StopEvent.of(StopEvent.Kind.LIMIT, pc, "instruction limit reached");
            case INTERRUPTED -> StopEvent.of(StopEvent.Kind.INTERRUPTED, pc, "interrupted");
            case EXITED, REBOOT_REFUSED, SHUTDOWN -> new StopEvent(StopEvent.Kind.EXITED, pc,
                    r.message().isEmpty() ? "exited with code " + r.status() : r.message(), r.status(), 0);
            case STOPPED -> StopEvent.faulted(pc, r.message());
        };
    }

    /**
     * One instruction with the devices keeping pace: a halted processor waits (in virtual time) for
     * the interrupt that wakes it and steps into its handler.
     */
    @Override
    public StopEvent step() {
        StopEvent e = resume(1);
        return e.kind() == StopEvent.Kind.LIMIT ? StopEvent.of(StopEvent.Kind.STEPPED, e.pc(), "stepped") : e;
    }

    /**
     * The whole board's reset, as QEMU's {@code system_reset}: the processor and its local APIC
     * restart at the reset vector, every device and the BIOS shadow return to their power-on state,
     * and RAM is cleared (QEMU leaves RAM as it was; cleared, a reset repeats a fresh start
     * exactly). Disk images keep what was written to them.
     */
    @Override
    public void reset() {
        cpu.reset();
        memory.clearRam();
        // The devices first: the shadow maps its windows by the host bridge's PAM registers.
        try (DataInputStream devices = new DataInputStream(new ByteArrayInputStream(devicesAtPowerOn));
             DataInputStream bios = new DataInputStream(new ByteArrayInputStream(shadowAtPowerOn))) {
            board.restoreState(devices);
            shadow.restoreState(bios);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        board.localApic().reset();
        cpu.setA20(board.a20().enabled());
        exitStatus = null;
        resetRequested = false;
    }

    /** What one part's {@code saveState} writes. */
    private interface Saver {
        void save(DataOutputStream out) throws IOException;
    }

    private static byte[] state(Saver part) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            part.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public List<String> registerNames() {
        return cpu.registerNames();
    }

    @Override
    public long register(String name) {
        return cpu.register(name);
    }

    @Override
    public void setRegister(String name, long value) {
        cpu.setRegister(name, value);
    }

    @Override
    public X87 fpu() {
        return cpu.fpu();
    }

    @Override
    public String pcRegister() {
        return cpu.pcRegister();
    }

    /** Reads at a linear address, through the guest's page tables as breakpoints are (see {@link LinearMemory}). */
    @Override
    public byte[] readMemory(long address, int length) {
        return linear.read(address, length);
    }

    /** Writes at a linear address, through the guest's page tables. */
    @Override
    public void writeMemory(long address, byte[] bytes) {
        linear.write(address, bytes);
    }

    @Override
    public List<Disassembly> disassemble(long address, int count) {
        return cpu.disassemble(address, count);
    }

    @Override
    public List<StackFrame> callStack() {
        return cpu.callStack();
    }

    @Override
    public Optional<Long> resolve(String symbol) {
        return cpu.resolve(symbol);
    }

    @Override
    public Optional<String> symbolize(long address) {
        return cpu.symbolize(address);
    }

    @Override
    public List<String> symbolNames() {
        return cpu.symbolNames();
    }

    /** The processor and RAM, the shadowed BIOS area, then every device. */
    @Override
    public void saveState(DataOutputStream out) throws IOException {
        cpu.saveState(out);
        shadow.saveState(out);
        board.saveState(out);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        cpu.restoreState(in);
        shadow.restoreState(in);
        board.restoreState(in);
    }

    /** Closes the disk images and serial connections. */
    @Override
    public void close() {
        setup.close();
    }
}
