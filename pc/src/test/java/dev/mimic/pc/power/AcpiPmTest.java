package dev.mimic.pc.power;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.clock.VirtualClock;
import dev.mimic.pc.pci.PciHost;
import dev.mimic.pc.pci.Piix4Pm;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PIIX4 PM function as SeaBIOS sets it up and Linux's ACPI drives it (PIIX4 datasheet 3.4, ACPI 6.5 4.8). */
class AcpiPmTest {
    static final int PM_BASE = 0x600;
    final IoBus bus = new IoBus();
    final VirtualClock clock = new VirtualClock();
    final PciHost pci = new PciHost(() -> { });
    boolean sci;
    int powerOffs;
    final AcpiPmRegisters registers = new AcpiPmRegisters(clock, level -> sci = level, () -> powerOffs++);

    AcpiPmTest() {
        pci.attach(bus);
        registers.attach(bus);
        pci.add(1, 3, new Piix4Pm(bus, registers));
    }

    int config(int register, int size) {
        bus.out(0xCF8, 4, 0x8000_0000 | 1 << 11 | 3 << 8 | register & 0xFC);
        return bus.in(0xCFC + (register & 3), size);
    }

    void config(int register, int size, int value) {
        bus.out(0xCF8, 4, 0x8000_0000 | 1 << 11 | 3 << 8 | register & 0xFC);
        bus.out(0xCFC + (register & 3), size, value);
    }

    /** What SeaBIOS's piix4_pm setup writes: SCI line 9, PMBA, PMIOSE. */
    void enablePmBlock() {
        config(0x3C, 1, 9);
        config(0x40, 4, PM_BASE | 1);
        config(0x80, 1, 0x01);
    }

    @Test
    void identifiesAsThePiix4PowerManagementFunction() {
        assertEquals(0x7113_8086, config(0x00, 4));
        assertEquals(0x0680_0003, config(0x08, 4), "bridge/other, revision 3");
        assertEquals(0x01, config(0x3D, 1), "INTA");
        assertEquals(0x02, config(0x5B, 1), "APMC_EN reads as set: no SMM to relocate");
    }

    @Test
    void thePmBlockAnswersOnlyWhereAndWhilePmbaAndPmioseSayAndTheTimerCountsAt3_58MHz() {
        config(0x40, 4, PM_BASE | 1);
        assertEquals(0xFFFF_FFFF, bus.in(PM_BASE + 8, 4), "PMIOSE still off");
        config(0x80, 1, 0x01);
        assertEquals(PM_BASE | 1, config(0x40, 4));
        clock.advanceBy(1_000_000_000L);
        assertEquals(AcpiPmRegisters.TIMER_HZ & 0xFF_FFFF, bus.in(PM_BASE + 8, 4));
        clock.advanceBy(1_000);
        assertEquals((AcpiPmRegisters.TIMER_HZ + 3) & 0xFF_FFFF, bus.in(PM_BASE + 8, 4), "3.58 ticks a microsecond");
        config(0x40, 4, 0xB001);
        assertEquals(0xFFFF_FFFF, bus.in(PM_BASE + 8, 4), "moved away");
        assertEquals(0, bus.in(0xB000 + 4, 2));
        config(0x80, 1, 0);
        assertEquals(0xFFFF, bus.in(0xB000 + 4, 2));
    }

    @Test
    void theApmEnableCommandSetsSciEnAndSleepTypeZeroWithSlpEnPowersOff() {
        enablePmBlock();
        assertEquals(0, bus.in(PM_BASE + 4, 2));
        bus.out(AcpiPmRegisters.APM_CONTROL, 1, 0xF1);
        assertEquals(1, bus.in(PM_BASE + 4, 2), "SCI_EN");
        bus.out(PM_BASE + 4, 2, 5 << 10 | 1);
        assertEquals(5 << 10 | 1, bus.in(PM_BASE + 4, 2));
        bus.out(PM_BASE + 4, 2, 1 << 10 | 1 << 13 | 1);
        assertEquals(0, powerOffs, "S3 (type 1) is not soft-off");
        assertEquals(1 << 10 | 1, bus.in(PM_BASE + 4, 2), "SLP_EN reads as 0");
        bus.out(PM_BASE + 4, 2, 0);
        bus.out(PM_BASE + 4, 2, 1 << 13);
        assertEquals(1, powerOffs);
        bus.out(AcpiPmRegisters.APM_CONTROL, 1, 0xF0);
        assertEquals(0, bus.in(PM_BASE + 4, 2) & 1, "ACPI_DISABLE clears SCI_EN");
    }

    @Test
    void theTimerOverflowRaisesTheSciUntilItsStatusIsCleared() {
        enablePmBlock();
        bus.out(AcpiPmRegisters.APM_CONTROL, 1, 0xF1);
        bus.out(PM_BASE + 2, 2, 1);
        assertFalse(sci);
        long msbToggle = (1L << 23) * 1_000_000_000L / AcpiPmRegisters.TIMER_HZ + 1;
        clock.advanceTo(msbToggle - 2);
        assertFalse(sci);
        clock.advanceTo(msbToggle);
        assertTrue(sci);
        assertEquals(1, bus.in(PM_BASE, 2) & 1, "TMROF_STS");
        assertEquals(1 << 23, bus.in(PM_BASE + 8, 4) & 0xFF_FFFF & 1 << 23);
        bus.out(PM_BASE, 2, 1);
        assertFalse(sci);
        assertEquals(0, bus.in(PM_BASE, 2) & 1);
    }

    @Test
    void gpeStatusRaisesTheSciWhileEnabledAndWritesOfOneClearIt() throws Exception {
        enablePmBlock();
        bus.out(AcpiPmRegisters.APM_CONTROL, 1, 0xF1);
        bus.out(AcpiPmRegisters.GPE0_BASE + 2, 2, 0x0002);
        assertEquals(0x0002, bus.in(AcpiPmRegisters.GPE0_BASE + 2, 2));
        assertEquals(0, bus.in(AcpiPmRegisters.GPE0_BASE, 2));
        assertFalse(sci);

        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        registers.saveState(new DataOutputStream(saved));
        AcpiPmRegisters copy = new AcpiPmRegisters(new VirtualClock(), level -> { }, () -> { });
        copy.restoreState(new DataInputStream(new ByteArrayInputStream(saved.toByteArray())));
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        copy.saveState(new DataOutputStream(again));
        assertEquals(HexFormat.of().formatHex(saved.toByteArray()), HexFormat.of().formatHex(again.toByteArray()));
    }
}
