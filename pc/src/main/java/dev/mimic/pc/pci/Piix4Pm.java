package dev.mimic.pc.pci;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.power.AcpiPmRegisters;

/**
 * The PIIX4's power-management function, 00:01.3, 8086:7113, as on QEMU's PC: finding it, SeaBIOS
 * places its PM I/O block (PMBA at 0x40, enabled by PMIOSE in PMREGMISC at 0x80), uses its PM timer
 * as its clock, and builds the ACPI tables (FADT, MADT, the DSDT with {@code \_S5}) that let an
 * operating system power the machine off through {@link AcpiPmRegisters}. The SCI is wired to IRQ
 * 9, the interrupt line the BIOS writes. The SMBus registers (SMBBA at 0x90, SMBHSTCFG at 0xD2)
 * hold what the BIOS writes; no SMBus controller answers behind them.
 *
 * <p>DEVACTB's APMC_EN (bit 25, in byte 0x5B) reads as set from power-on: a BIOS takes it as "SMM
 * already set up" and skips relocating SMBASE, which a board without system management mode
 * could not do. QEMU's PIIX4 does the same when SMM is off.
 */
public final class Piix4Pm extends PciFunction {
    private static final int INTERRUPT_PIN = 0x3D;
    private static final int PMBA = 0x40;
    private static final int DEVACTB_APMC = 0x5B;
    private static final int PMREGMISC = 0x80;
    private static final int SMBBA = 0x90;
    private static final int SMBHSTCFG = 0xD2;
    private static final int PM_IO_ENABLE = 0x01;

    private final IoBus bus;
    private final AcpiPmRegisters registers;
    private int mappedBase;

    public Piix4Pm(IoBus bus, AcpiPmRegisters registers) {
        super(0x8086, 0x7113, 0x03, 0x068000, 0x00);
        this.bus = bus;
        this.registers = registers;
        initial(STATUS, 2, 0x0280);
        writable(COMMAND, 2, 0x0001);
        writable(INTERRUPT_LINE, 1, 0xFF);
        initial(INTERRUPT_PIN, 1, 0x01);
        initial(PMBA, 4, 0x0000_0001);
        writable(PMBA, 4, 0x0000_FFC0);
        initial(DEVACTB_APMC, 1, 0x02);
        writable(PMREGMISC, 1, PM_IO_ENABLE);
        initial(SMBBA, 4, 0x0000_0001);
        writable(SMBBA, 4, 0x0000_FFF0);
        writable(SMBHSTCFG, 1, 0x0F);
    }

    /** The PM block's I/O base, or 0 while PMIOSE is off or PMBA is unassigned. */
    public int pmBase() {
        return (read(PMREGMISC, 1) & PM_IO_ENABLE) == 0 ? 0 : read(PMBA, 4) & 0xFFC0;
    }

    @Override
    protected void configWritten(int offset, int size) {
        if ((touches(offset, size, PMBA, 4) || touches(offset, size, PMREGMISC, 1)) && pmBase() != mappedBase) {
            mappedBase = pmBase();
            registers.mapPmBlock(bus, mappedBase);
        }
    }
}
