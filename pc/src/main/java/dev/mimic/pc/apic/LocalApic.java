package dev.mimic.pc.apic;

import dev.mimic.pc.clock.VirtualClock;
import dev.mimic.pc.snapshot.Snapshottable;
import dev.mimic.pc.snapshot.StateArrays;
import dev.mimic.x86.system.InterruptRequests;
import dev.mimic.x86.system.MmioDevice;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The bootstrap processor's local APIC at 0xFEE00000 (SDM vol. 3 chapter 10, xAPIC version 0x14 with
 * six LVT entries): what the processor's INTR pin sees once an OS routes interrupts through the I/O
 * APIC and uses the APIC timer. It is the CPU's {@link InterruptRequests}: its own vectors by priority
 * class against the PPR (10.8.3), then the 8259A's requests, which reach the processor through LINT0 in
 * ExtINT mode (QEMU's reset state for the BSP, so firmware and early kernels see the 8259A as if there
 * were no APIC) or while IA32_APIC_BASE's global enable bit is clear.
 *
 * <p>One processor: the ICR delivers fixed and lowest-priority IPIs to this APIC when they name it
 * (self-IPIs); INIT, STARTUP, SMI and NMI messages are dropped, as the CPU has no pin for them.
 */
public final class LocalApic implements MmioDevice, InterruptRequests, ApicBus, Snapshottable {
    public static final long BASE = 0xFEE0_0000L;
    public static final int LENGTH = 0x1000;
    private static final int VERSION = 0x5_0014;
    private static final long GLOBAL_ENABLE = 1 << 11;
    private static final int MASKED = 1 << 16, LEVEL = 1 << 15, SOFTWARE_ENABLE = 1 << 8;
    /** LVT entries in register order, from 0x320: timer, thermal, performance, LINT0, LINT1, error. */
    private static final int TIMER = 0, LINT0 = 3, LINT1 = 4, ERROR = 5;
    /** Writable bits of each LVT entry (SDM vol. 3 figure 10-8). */
    private static final int[] LVT_WRITABLE = {0x700FF, 0x107FF, 0x107FF, 0x1A7FF, 0x1A7FF, 0x100FF};
    private static final int SEND_ILLEGAL_VECTOR = 1 << 5, RECEIVE_ILLEGAL_VECTOR = 1 << 6;
    private static final int SHORTHAND_SELF = 1, SHORTHAND_ALL = 2;

    private final InterruptRequests pic;
    private final ApicTimer timer;
    private final VectorBits irr = new VectorBits();
    private final VectorBits isr = new VectorBits();
    private final VectorBits tmr = new VectorBits();
    private final int[] lvt = new int[6];
    private IntConsumer eoiBroadcast = vector -> { };
    private Runnable nmi = () -> { };
    private boolean enabled = true;
    private boolean extIntRequested;
    private int id;
    private int tpr;
    private int ldr;
    private int dfr;
    private int svr;
    private int esr;
    private int errors;
    private int icrLow;
    private int icrHigh;

    /** An APIC in front of {@code pic} (the 8259A pair), its timer on {@code clock}. */
    public LocalApic(VirtualClock clock, InterruptRequests pic) {
        this.pic = pic;
        this.timer = new ApicTimer(clock, this::timerExpired);
        reset();
    }

    /** Where the EOI of a level-triggered vector goes: the I/O APIC's {@link IoApic#endOfInterrupt}. */
    public void onLevelEoi(IntConsumer broadcast) {
        eoiBroadcast = broadcast;
    }

    /** Where an NMI goes: the processor's NMI input ({@code X86System.raiseNmi}). */
    public void onNmi(Runnable processorNmi) {
        nmi = processorNmi;
    }

    /**
     * A pulse on the LINT1 pin, where a PC wires the chipset's NMI (the monitor's {@code nmi}, as
     * QEMU delivers it). With the APIC disabled in IA32_APIC_BASE the pin is the processor's NMI
     * input itself (SDM vol. 3 10.4.3); otherwise LVT LINT1 decides: masked drops the pulse, NMI
     * mode (how BIOS and Linux program it) delivers an NMI, fixed mode its vector.
     */
    public void lint1() {
        int entry = lvt[LINT1];
        if (!enabled) {
            nmi.run();
        } else if ((entry & MASKED) == 0 && DeliveryMode.of(entry) == DeliveryMode.NMI) {
            nmi.run();
        } else if ((entry & MASKED) == 0 && DeliveryMode.of(entry) == DeliveryMode.FIXED) {
            accept(entry & 0xFF, false);
        }
    }

    /** Power-up state (SDM vol. 3 10.4.7.1), with LINT0 in ExtINT mode as QEMU's BSP has it. */
    public void reset() {
        irr.clear();
        isr.clear();
        tmr.clear();
        Arrays.fill(lvt, MASKED);
        lvt[LINT0] = DeliveryMode.EXTINT.ordinal() << 8;
        timer.reset();
        extIntRequested = false;
        id = 0;
        tpr = 0;
        ldr = 0;
        dfr = 0xFFFF_FFFF;
        svr = 0xFF;
        esr = 0;
        errors = 0;
        icrLow = 0;
        icrHigh = 0;
    }

    /**
     * A write to IA32_APIC_BASE: clearing bit 11 disables the APIC until it is set again, when it comes
     * back in its power-up state (SDM vol. 3 10.4.3). Relocating the APIC is not supported.
     */
    public void writeBaseMsr(long value) {
        boolean enable = (value & GLOBAL_ENABLE) != 0;
        if (enable && !enabled) {
            reset();
        }
        enabled = enable;
    }

    // ---- the processor's side ----

    @Override
    public boolean pending() {
        return deliverable() >= 0 || passesPic() && pic.pending();
    }

    @Override
    public int acknowledge() {
        int vector = deliverable();
        if (vector >= 0) {
            irr.set(vector, false);
            isr.set(vector, true);
            return vector;
        }
        if (passesPic() && pic.pending()) {
            extIntRequested = false;
            return pic.acknowledge();
        }
        return svr & 0xFF;
    }

    /** The highest requested vector when its priority class is above the PPR's, or -1. */
    private int deliverable() {
        int vector = enabled ? irr.highest() : -1;
        return vector >= 0 && (vector & 0xF0) > (ppr() & 0xF0) ? vector : -1;
    }

    private boolean passesPic() {
        if (!enabled) {
            return true;
        }
        int lint0 = lvt[LINT0];
        return extIntRequested || (lint0 & MASKED) == 0 && DeliveryMode.of(lint0) == DeliveryMode.EXTINT;
    }

    /** The processor priority: the TPR, or the class of the highest vector in service if that is higher. */
    private int ppr() {
        int inService = Math.max(isr.highest(), 0) & 0xF0;
        return (tpr & 0xF0) >= inService ? tpr : inService;
    }

    // ---- the APIC bus ----

    @Override
    public void deliver(ApicMessage message) {
        if (!enabled || !addressed(message.logical(), message.destination())) {
            return;
        }
        switch (message.mode()) {
            case FIXED, LOWEST_PRIORITY -> accept(message.vector(), message.level());
            case EXTINT -> extIntRequested = true;
            default -> { }
        }
    }

    /** Whether a message for {@code destination} is for this APIC (SDM vol. 3 10.6.2). */
    private boolean addressed(boolean logical, int destination) {
        if (destination == 0xFF) {
            return true;
        }
        if (!logical) {
            return destination == id >>> 24;
        }
        int logicalId = ldr >>> 24;
        if ((dfr >>> 28) == 0xF) {
            return (logicalId & destination) != 0;
        }
        return (logicalId >>> 4) == (destination >>> 4) && (logicalId & destination & 0xF) != 0;
    }

    /** An interrupt arriving in the IRR; vectors 0-15 are illegal (SDM vol. 3 10.5.3). */
    private void accept(int vector, boolean level) {
        if (vector < 16) {
            error(RECEIVE_ILLEGAL_VECTOR);
            return;
        }
        if ((svr & SOFTWARE_ENABLE) != 0) {
            irr.set(vector, true);
            tmr.set(vector, level);
        }
    }

    private void error(int bits) {
        boolean fresh = (errors & bits) != bits;
        errors |= bits;
        if (fresh && (lvt[ERROR] & MASKED) == 0 && (lvt[ERROR] & 0xFF) >= 16) {
            accept(lvt[ERROR] & 0xFF, false);
        }
    }

    private void timerExpired() {
        if ((lvt[TIMER] & MASKED) == 0) {
            accept(lvt[TIMER] & 0xFF, false);
        }
    }

    private void endOfInterrupt() {
        int vector = isr.highest();
        if (vector >= 0) {
            isr.set(vector, false);
            if (tmr.contains(vector)) {
                eoiBroadcast.accept(vector);
            }
        }
    }

    /** A write to the ICR's low half sends the IPI it describes (SDM vol. 3 10.6.1). */
    private void sendIpi() {
        int shorthand = icrLow >>> 18 & 3;
        boolean toSelf = shorthand == SHORTHAND_SELF || shorthand == SHORTHAND_ALL
                || shorthand == 0 && addressed((icrLow & 1 << 11) != 0, icrHigh >>> 24);
        DeliveryMode mode = DeliveryMode.of(icrLow);
        if (mode != DeliveryMode.FIXED && mode != DeliveryMode.LOWEST_PRIORITY) {
            return;
        }
        if ((icrLow & 0xFF) < 16) {
            error(SEND_ILLEGAL_VECTOR);
        }
        if (toSelf) {
            accept(icrLow & 0xFF, (icrLow & LEVEL) != 0);
        }
    }

    // ---- registers ----

    @Override
    public int read(long offset, int size) {
        if (!enabled) {
            return -1;
        }
        int register = (int) offset >> 4;
        return switch (register) {
            case 0x2 -> id;
            case 0x3 -> VERSION;
            case 0x8 -> tpr;
            case 0xA -> ppr();
            case 0xD -> ldr;
            case 0xE -> dfr;
            case 0xF -> svr;
            case 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17 -> isr.word(register - 0x10);
            case 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F -> tmr.word(register - 0x18);
            case 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27 -> irr.word(register - 0x20);
            case 0x28 -> esr;
            case 0x30 -> icrLow;
            case 0x31 -> icrHigh;
            case 0x32, 0x33, 0x34, 0x35, 0x36, 0x37 -> lvt[register - 0x32];
            case 0x38 -> timer.initial();
            case 0x39 -> timer.current();
            case 0x3E -> timer.divideConfiguration();
            default -> 0;
        };
    }

    @Override
    public void write(long offset, int size, int value) {
        if (!enabled) {
            return;
        }
        int register = (int) offset >> 4;
        switch (register) {
            case 0x2 -> id = value & 0xFF00_0000;
            case 0x8 -> tpr = value & 0xFF;
            case 0xB -> endOfInterrupt();
            case 0xD -> ldr = value & 0xFF00_0000;
            case 0xE -> dfr = value | 0x0FFF_FFFF;
            case 0xF -> writeSpurious(value);
            case 0x28 -> {
                esr = errors;
                errors = 0;
            }
            case 0x30 -> {
                icrLow = value & ~(1 << 12);
                sendIpi();
            }
            case 0x31 -> icrHigh = value & 0xFF00_0000;
            case 0x32, 0x33, 0x34, 0x35, 0x36, 0x37 -> writeLvt(register - 0x32, value);
            case 0x38 -> timer.load(value);
            case 0x3E -> timer.setDivideConfiguration(value);
            default -> { }
        }
    }

    /** SVR: bit 8 enables the APIC in software; clearing it masks every LVT entry (SDM vol. 3 10.4.7.2). */
    private void writeSpurious(int value) {
        svr = value & 0x3FF;
        if ((svr & SOFTWARE_ENABLE) == 0) {
            for (int i = 0; i < lvt.length; i++) {
                lvt[i] |= MASKED;
            }
        }
    }

    /** LVT entries stay masked while the APIC is software-disabled. */
    private void writeLvt(int index, int value) {
        int writable = LVT_WRITABLE[index];
        int masked = (svr & SOFTWARE_ENABLE) == 0 ? MASKED : 0;
        lvt[index] = lvt[index] & ~writable | value & writable | masked;
        if (index == TIMER) {
            timer.setPeriodic((lvt[TIMER] >>> 17 & 3) == 1);
        }
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        StateArrays.writeInts(out, irr.words());
        StateArrays.writeInts(out, isr.words());
        StateArrays.writeInts(out, tmr.words());
        StateArrays.writeInts(out, lvt);
        int[] registers = {enabled ? 1 : 0, extIntRequested ? 1 : 0, id, tpr, ldr, dfr, svr, esr, errors, icrLow, icrHigh};
        StateArrays.writeInts(out, registers);
        timer.saveState(out);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        StateArrays.readInts(in, irr.words());
        StateArrays.readInts(in, isr.words());
        StateArrays.readInts(in, tmr.words());
        StateArrays.readInts(in, lvt);
        int[] registers = new int[11];
        StateArrays.readInts(in, registers);
        enabled = registers[0] != 0;
        extIntRequested = registers[1] != 0;
        id = registers[2];
        tpr = registers[3];
        ldr = registers[4];
        dfr = registers[5];
        svr = registers[6];
        esr = registers[7];
        errors = registers[8];
        icrLow = registers[9];
        icrHigh = registers[10];
        timer.restoreState(in);
    }
}
