package dev.mimic.pc.board;

import dev.mimic.pc.apic.IoApic;
import dev.mimic.pc.apic.LocalApic;
import dev.mimic.backend.machine.MachineException;
import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.pc.a20.A20Gate;
import dev.mimic.pc.a20.SystemControlPortA;
import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.clock.VirtualClock;
import dev.mimic.pc.cmos.CmosSettings;
import dev.mimic.pc.cmos.Mc146818;
import dev.mimic.pc.debug.DebugConsole;
import dev.mimic.pc.debug.DebugExit;
import dev.mimic.pc.firmware.FwCfg;
import dev.mimic.pc.firmware.FwCfgSettings;
import dev.mimic.pc.ide.BusMaster;
import dev.mimic.pc.ide.IdeChannel;
import dev.mimic.pc.ide.IdeDrive;
import dev.mimic.pc.keyboard.Kbc8042;
import dev.mimic.pc.pci.I440fxHostBridge;
import dev.mimic.pc.pci.PciHost;
import dev.mimic.pc.pci.Piix3Ide;
import dev.mimic.pc.pci.Piix3IsaBridge;
import dev.mimic.pc.pci.Piix4Pm;
import dev.mimic.pc.power.AcpiPmRegisters;
import dev.mimic.pc.pic.PicPair;
import dev.mimic.pc.serial.Uart16550;
import dev.mimic.pc.snapshot.Snapshottable;
import dev.mimic.pc.timer.Pit8254;
import dev.mimic.pc.timer.SystemControlPort;
import dev.mimic.pc.vga.Vga;
import dev.mimic.x86.system.InterruptRequests;
import dev.mimic.x86.system.IoPorts;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The devices of QEMU's i440FX PC at their usual addresses, wired to one I/O bus, the 8259A pair and
 * the APICs, and one virtual clock: what a machine puts around the x86 CPU. The CPU sends
 * its port I/O to {@link #io()}, takes interrupts from {@link #interrupts()}, maps
 * {@link #vga()}'s memory at 0xA0000, follows {@link #a20()} and the host bridge's PAM
 * registers, and moves {@link #clock()} forward as it executes.
 *
 * <pre>
 * 0x20, 0xA0, 0x4D0  8259A pair and ELCR     0x1F0, 0x3F6  primary IDE (IRQ 14)
 * 0x40, 0x61         8254 PIT (IRQ 0)        0x170, 0x376  secondary IDE (IRQ 15)
 * 0x60, 0x64         8042 (IRQ 1, 12)        0x3B0-0x3DF   VGA
 * 0x70               RTC and CMOS (IRQ 8)    0x3F8 ...     COM1-COM4 (IRQ 4, 3, 4, 3)
 * 0x92               fast A20 and reset      0x402, 0xE9   debug consoles
 * 0xF4               isa-debug-exit          0x510-0x51B   fw_cfg
 * 0x1CE, 0x1CF       Bochs VBE                 0xCF8-0xCFF   PCI configuration, reset control
 * 0xB2, 0xB3         APM control, status     0xAFE0-0xAFE3 ACPI GPE0 block
 *                                            BAR4 of 00:01.1  bus-master IDE (16 ports, where the BIOS puts them)
 *                                            PMBA of 00:01.3  ACPI PM1 and PM timer (64 ports; SCI on IRQ 9)
 * PCI 00:02.0        standard VGA (1234:1111), its framebuffer at BAR0
 * memory: 0xFEC00000 I/O APIC (ISA IRQ 0 on pin 2, the others on their own number), 0xFEE00000 local APIC
 * </pre>
 */
public final class PcBoard implements Snapshottable {
    private final IoBus bus = new IoBus();
    private final VirtualClock clock = new VirtualClock();
    private final PicPair pic = new PicPair();
    private final LocalApic localApic = new LocalApic(clock, pic);
    private final IoApic ioApic = new IoApic(localApic);
    private final A20Gate a20 = new A20Gate();
    private final Mc146818 cmos;
    private final FwCfg fwCfg;
    private final I440fxHostBridge hostBridge = new I440fxHostBridge();
    private final Piix3IsaBridge isaBridge = new Piix3IsaBridge();
    private final Kbc8042 keyboardController;
    private final Vga vga = new Vga();
    /** Every device with state, in the order they are saved and restored: the clock first. */
    private final List<Snapshottable> stateful = new ArrayList<>();

    /** @param memory guest physical memory, where fw_cfg's DMA reads and writes */
    public PcBoard(GuestMemory memory, BoardSettings settings) {
        pic.attach(bus);
        localApic.onLevelEoi(ioApic::endOfInterrupt);
        pic.alsoDrive(irq -> ioApic.input(irq == 0 ? 2 : irq));     // QEMU's wiring: the PIT's IRQ 0 on pin 2
        Pit8254 pit = new Pit8254(clock, pic.line(0));
        pit.attach(bus);
        SystemControlPort portB = new SystemControlPort(clock, pit);
        portB.attach(bus);
        cmos = new Mc146818(clock, pic.line(8), settings.rtcStart());
        cmos.attach(bus);
        new CmosSettings(settings.ram(), settings.cpus(), settings.bootOrder()).applyTo(cmos);
        keyboardController = new Kbc8042(pic.line(1), pic.line(12), a20, settings.reset());
        keyboardController.attach(bus);
        SystemControlPortA portA = new SystemControlPortA(a20, settings.reset());
        portA.attach(bus);
        stateful.addAll(List.of(clock, pic, localApic, ioApic, pit, portB, cmos, keyboardController, a20, portA));
        for (int i = 0; i < settings.serial().size(); i++) {
            Uart16550 uart = new Uart16550(clock, pic.line(Uart16550.COM_IRQS[i]), settings.serial().get(i));
            uart.attach(bus, Uart16550.COM_PORTS[i]);
            stateful.add(uart);
        }
        DebugConsole console = new DebugConsole(settings.debugConsole());
        console.attach(bus, DebugConsole.SEABIOS_PORT);
        console.attach(bus, DebugConsole.BOCHS_PORT);
        new DebugExit(settings.exit()).attach(bus);
        PciHost pci = new PciHost(settings.reset());
        pci.attach(bus);
        pci.add(0, 0, hostBridge);
        pci.add(1, 0, isaBridge);
        BusMaster primaryDma = new BusMaster(memory);
        BusMaster secondaryDma = new BusMaster(memory);
        pci.add(1, 1, new Piix3Ide(bus, primaryDma, secondaryDma));
        // Powering off ends the run with status 0, as QEMU exits when the guest enters soft-off.
        if (settings.acpi()) {
            AcpiPmRegisters power = new AcpiPmRegisters(clock, pic.line(AcpiPmRegisters.SCI_IRQ), () -> settings.exit().accept(0));
            power.attach(bus);
            pci.add(1, 3, new Piix4Pm(bus, power));
            stateful.add(power);
        }
        pci.add(2, 0, vga.pciFunction());
        stateful.addAll(List.of(primaryDma, secondaryDma, pci));
        attachIde(settings.primary(), primaryDma, IdeChannel.PRIMARY_IRQ, IdeChannel.PRIMARY_BASE, IdeChannel.PRIMARY_CONTROL);
        attachIde(settings.secondary(), secondaryDma, IdeChannel.SECONDARY_IRQ, IdeChannel.SECONDARY_BASE,
                IdeChannel.SECONDARY_CONTROL);
        fwCfg = new FwCfg(memory);
        fwCfg.attach(bus);
        new FwCfgSettings(settings.ram(), settings.cpus(), settings.nographic(), List.of()).applyTo(fwCfg);
        vga.attach(bus);
        stateful.addAll(List.of(fwCfg, vga));
    }

    /** A channel with drives answers at its ports; one without is left off the bus, which then floats high as with no drives. */
    private void attachIde(List<IdeDrive> drives, BusMaster dma, int irq, int base, int control) {
        if (!drives.isEmpty()) {
            IdeDrive slave = drives.size() > 1 ? drives.get(1) : null;
            IdeChannel channel = new IdeChannel(pic.line(irq), drives.get(0), slave);
            channel.attach(bus, base, control);
            channel.connect(dma);
            stateful.add(channel);
        }
    }

    /** The I/O address space, for the CPU's IN and OUT. */
    public IoPorts io() {
        return bus;
    }

    /** The INTR line and INTA cycle, for the CPU: the local APIC, which passes the 8259A pair's requests on. */
    public InterruptRequests interrupts() {
        return localApic;
    }

    /** The bootstrap processor's local APIC, which the machine maps at {@link LocalApic#BASE}. */
    public LocalApic localApic() {
        return localApic;
    }

    /** The I/O APIC, which the machine maps at {@link IoApic#BASE}. */
    public IoApic ioApic() {
        return ioApic;
    }

    /** Device time; the machine advances it (from instructions executed, or to the next deadline while halted). */
    public VirtualClock clock() {
        return clock;
    }

    public A20Gate a20() {
        return a20;
    }

    /** The 440FX, whose PAM registers decide whether 0xC0000-0xFFFFF reads ROM or RAM. */
    public I440fxHostBridge hostBridge() {
        return hostBridge;
    }

    /** The PIIX3 ISA bridge, whose PIRQ registers route PCI interrupts. */
    public Piix3IsaBridge isaBridge() {
        return isaBridge;
    }

    public Mc146818 cmos() {
        return cmos;
    }

    /** fw_cfg, to which a machine adds the kernel ({@code FwCfgKernelLoader}) or other files. */
    public FwCfg fwCfg() {
        return fwCfg;
    }

    /** The keyboard and mouse, for host input. */
    public Kbc8042 keyboardController() {
        return keyboardController;
    }

    public Vga vga() {
        return vga;
    }

    /**
     * Every device's state, for a machine snapshot; disk contents are not included (an image
     * written in place stays written). Restore into a board built with the same settings.
     */
    @Override
    public void saveState(DataOutputStream out) throws IOException {
        out.writeInt(stateful.size());
        for (Snapshottable device : stateful) {
            device.saveState(out);
        }
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        int saved = in.readInt();
        if (saved != stateful.size()) {
            throw new MachineException("the snapshot's PC has " + saved + " devices with state, this one " + stateful.size()
                    + "; restore with the same serial ports and drives");
        }
        for (Snapshottable device : stateful) {
            device.restoreState(in);
        }
    }
}
