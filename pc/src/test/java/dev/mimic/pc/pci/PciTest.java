package dev.mimic.pc.pci;

import dev.mimic.backend.memory.FlatMemory;
import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.ide.BusMaster;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PciTest {
    final IoBus bus = new IoBus();
    int resets;
    final PciHost host = new PciHost(() -> resets++);
    final I440fxHostBridge northBridge = new I440fxHostBridge();
    final Piix3IsaBridge isa = new Piix3IsaBridge();
    final BusMaster primaryDma = new BusMaster(new FlatMemory(4096));
    final Piix3Ide ide = new Piix3Ide(bus, primaryDma, new BusMaster(new FlatMemory(4096)));
    int mapChanges;

    PciTest() {
        host.attach(bus);
        host.add(0, 0, northBridge);
        host.add(1, 0, isa);
        host.add(1, 1, ide);
        northBridge.onMapChange(() -> mapChanges++);
    }

    static int address(int device, int function, int register) {
        return 0x8000_0000 | device << 11 | function << 8 | register;
    }

    int config(int device, int function, int register, int size) {
        bus.out(0xCF8, 4, address(device, function, register & 0xFC));
        return bus.in(0xCFC + (register & 3), size);
    }

    void config(int device, int function, int register, int size, int value) {
        bus.out(0xCF8, 4, address(device, function, register & 0xFC));
        bus.out(0xCFC + (register & 3), size, value);
    }

    @Test
    void identifiesTheThreeFunctions() {
        assertEquals(0x1237_8086, config(0, 0, 0x00, 4));
        assertEquals(0x7000_8086, config(1, 0, 0x00, 4));
        assertEquals(0x7010_8086, config(1, 1, 0x00, 4));
        assertEquals(0x0600_0002, config(0, 0, 0x08, 4), "host bridge class, revision 2");
        assertEquals(0x0601_0000, config(1, 0, 0x08, 4));
        assertEquals(0x0101_8000, config(1, 1, 0x08, 4), "IDE, bus-master capable, legacy mode");
        assertEquals(0x80, config(1, 0, 0x0E, 1), "00:01 is multi-function");
        for (int f = 0; f < 2; f++) {
            assertEquals(0x1100_1AF4, config(1, f, 0x2C, 4), "QEMU's subsystem, which SeaBIOS detects QEMU by");
        }
        assertEquals(0x1100_1AF4, config(0, 0, 0x2C, 4));
    }

    @Test
    void absentFunctionsAndDisabledCyclesReadAllOnes() {
        assertEquals(0xFFFF_FFFF, config(2, 0, 0x00, 4));
        assertEquals(0xFFFF, config(0, 3, 0x00, 2));
        bus.out(0xCF8, 4, 0x0000_0000);
        assertEquals(0xFFFF_FFFF, bus.in(0xCFC, 4));
        bus.out(0xCF8, 4, 0x8001_0000);
        assertEquals(0xFFFF_FFFF, bus.in(0xCFC, 4), "bus 1 has nothing");
    }

    @Test
    void addressRegisterKeepsOnlyItsDefinedBits() {
        bus.out(0xCF8, 4, 0xFFFF_FFFF);
        assertEquals(0x80FF_FFFC, bus.in(0xCF8, 4));
        bus.out(0xCF8, 1, 0x00);
        assertEquals(0x80FF_FFFC, bus.in(0xCF8, 4), "a byte write to 0xCF8 is no configuration cycle");
    }

    @Test
    void readOnlyRegistersIgnoreWritesAndStatusBitsClearOnOne() {
        config(0, 0, 0x00, 4, 0);
        assertEquals(0x1237_8086, config(0, 0, 0x00, 4));
        northBridge.initial(PciFunction.STATUS, 2, 0x8280);
        config(0, 0, 0x06, 2, 0x8000);
        assertEquals(0x0280, config(0, 0, 0x06, 2));
        config(1, 1, 0x3C, 1, 0x0E);
        assertEquals(0x0E, config(1, 1, 0x3C, 1));
    }

    @Test
    void pamRegistersDecodeSegmentsAndNotifyTheMachine() {
        assertEquals(PamMode.PCI, northBridge.pam(0xF0000));
        config(0, 0, 0x59, 1, 0xFF);
        assertEquals(0x30, config(0, 0, 0x59, 1), "PAM0 bits 3:0 are reserved");
        assertEquals(PamMode.READ_WRITE, northBridge.pam(0xFFFFF));
        config(0, 0, 0x5A, 1, 0x21);
        assertEquals(PamMode.READ_ONLY, northBridge.pam(0xC0000));
        assertEquals(PamMode.READ_ONLY, northBridge.pam(0xC3FFF));
        assertEquals(PamMode.WRITE_ONLY, northBridge.pam(0xC4000));
        config(0, 0, 0x5F, 1, 0x30);
        assertEquals(PamMode.READ_WRITE, northBridge.pam(0xEC000));
        assertEquals(PamMode.PCI, northBridge.pam(0xE8000));
        assertEquals(3, mapChanges);
        assertThrows(IllegalArgumentException.class, () -> northBridge.pam(0xA0000));
    }

    @Test
    void smramLockClosesAndFreezes() {
        assertEquals(0x02, config(0, 0, 0x72, 1));
        config(0, 0, 0x72, 1, 0x4F);
        assertEquals(0x4A, config(0, 0, 0x72, 1), "C_BASE_SEG stays 010");
        assertEquals(true, northBridge.smramOpen());
        config(0, 0, 0x72, 1, 0x5A);
        assertEquals(0x1A, config(0, 0, 0x72, 1), "D_LCK clears D_OPEN");
        config(0, 0, 0x72, 1, 0x42);
        assertEquals(0x1A, config(0, 0, 0x72, 1), "locked");
        assertEquals(false, northBridge.smramOpen());
    }

    @Test
    void pirqRoutingStartsDisabledAndRefusesReservedIrqs() {
        assertEquals(0x8080_8080, config(1, 0, 0x60, 4));
        assertEquals(-1, isa.pirqRoute(0));
        config(1, 0, 0x60, 4, 0x0B0A_0B0A);
        assertEquals(10, isa.pirqRoute(0));
        assertEquals(11, isa.pirqRoute(3));
        config(1, 0, 0x61, 1, 0x7D);
        assertEquals(0x0D, config(1, 0, 0x61, 1), "bits 6:4 are reserved");
        assertEquals(-1, isa.pirqRoute(1), "IRQ 13 is reserved");
    }

    @Test
    void busMasterBarSizesAs16PortsAndDecodesWhenEnabled() {
        config(1, 1, 0x20, 4, 0xFFFF_FFFF);
        assertEquals(0xFFFF_FFF1, config(1, 1, 0x20, 4), "16 bytes of I/O space, sized over 32 bits");
        config(1, 1, 0x20, 4, 0xC000);
        assertEquals(-1, ide.busMasterBase());
        config(1, 1, 0x04, 2, 0x0005);
        assertEquals(0xC000, ide.busMasterBase());
        assertEquals(0x0005, config(1, 1, 0x04, 2));
        bus.out(0xC004, 4, 0x1234_5678);
        assertEquals(0x1234_5678 & ~3, primaryDma.read(4, 4), "the primary channel's PRD pointer, dword-aligned");
        assertEquals(0xFF, bus.in(0xC804, 1), "nothing at the old place");
        config(1, 1, 0x20, 4, 0xC800);
        assertEquals(0x1234_5678 & ~3, bus.in(0xC804, 4), "the block moved with the BAR");
        assertEquals(0xFF, bus.in(0xC004, 1));
        config(1, 1, 0x04, 2, 0x0000);
        assertEquals(0xFF, bus.in(0xC804, 1), "I/O decoding off");
    }

    @Test
    void resetControlResetsOnRstCpuRisingEdge() {
        bus.out(0xCF9, 1, 0x02);
        assertEquals(0, resets);
        bus.out(0xCF9, 1, 0x06);
        assertEquals(1, resets);
        assertEquals(0x02, bus.in(0xCF9, 1));
    }

    @Test
    void twoFunctionsCannotShareAnAddress() {
        assertThrows(IllegalArgumentException.class, () -> host.add(1, 1, new Piix3Ide(bus, primaryDma, primaryDma)));
    }
}
