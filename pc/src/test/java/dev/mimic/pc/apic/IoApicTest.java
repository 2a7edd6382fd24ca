package dev.mimic.pc.apic;

import dev.mimic.pc.bus.IrqLine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IoApicTest {
    private final List<ApicMessage> sent = new ArrayList<>();
    private final IoApic ioApic = new IoApic(sent::add);

    private int readRegister(int index) {
        ioApic.write(0x00, 4, index);
        return ioApic.read(0x10, 4);
    }

    private void writeRegister(int index, int value) {
        ioApic.write(0x00, 4, index);
        ioApic.write(0x10, 4, value);
    }

    private void route(int pin, int low, int destination) {
        writeRegister(0x11 + 2 * pin, destination << 24);
        writeRegister(0x10 + 2 * pin, low);
    }

    @Test
    void versionSays0x11With24Entries() {
        assertEquals(0x0017_0011, readRegister(1));
    }

    @Test
    void idIsFourBitsInTheTopByte() {
        writeRegister(0, 0xFF00_0000);
        assertEquals(0x0F00_0000, readRegister(0));
        assertEquals(0x0F00_0000, readRegister(2), "arbitration ID follows the ID");
    }

    @Test
    void everyEntryIsMaskedAtReset() {
        for (int pin = 0; pin < IoApic.PINS; pin++) {
            assertEquals(1 << 16, readRegister(0x10 + 2 * pin), "pin " + pin);
        }
    }

    @Test
    void entriesKeepWhatIsWritableAndIgnoreStatusBits() {
        route(3, 0x1_FFFF, 0xAB);
        assertEquals(0x1_AFFF, readRegister(0x16), "delivery status and remote IRR are read-only");
        assertEquals(0xAB00_0000, readRegister(0x17));
    }

    @Test
    void registerSelectReadsBack() {
        ioApic.write(0x00, 4, 0x12);
        assertEquals(0x12, ioApic.read(0x00, 4));
    }

    @Test
    void anEdgeOnAnUnmaskedPinSendsOneMessage() {
        route(1, 0x31, 0);
        IrqLine pin = ioApic.input(1);
        pin.set(true);
        pin.set(true);
        pin.set(false);
        assertEquals(List.of(new ApicMessage(0x31, DeliveryMode.FIXED, false, 0, false)), sent);
    }

    @Test
    void modeDestinationAndLogicalModeReachTheMessage() {
        route(4, 0x0000_0934, 0x03);
        ioApic.input(4).set(true);
        assertEquals(List.of(new ApicMessage(0x34, DeliveryMode.LOWEST_PRIORITY, true, 0x03, false)), sent);
    }

    @Test
    void anEdgeWhileMaskedIsSentAtUnmask() {
        route(5, 0x1_0035, 0);
        ioApic.input(5).set(true);
        assertEquals(List.of(), sent);
        route(5, 0x35, 0);
        assertEquals(1, sent.size());
    }

    @Test
    void aLevelPinWaitsForEoiAndIsSentAgainWhileAsserted() {
        route(9, 0xA039, 0);
        IrqLine pin = ioApic.input(9);
        pin.set(true);
        assertEquals(1, sent.size());
        assertEquals(0x4000, readRegister(0x22) & 0x4000, "remote IRR");
        ioApic.endOfInterrupt(0x39);
        assertEquals(2, sent.size(), "still asserted");
        assertEquals(new ApicMessage(0x39, DeliveryMode.FIXED, false, 0, true), sent.get(1));
        pin.set(false);
        ioApic.endOfInterrupt(0x39);
        assertEquals(2, sent.size());
        assertEquals(0, readRegister(0x22) & 0x4000, "remote IRR cleared by the EOI");
    }

    @Test
    void anEoiForAnotherVectorLeavesRemoteIrr() {
        route(9, 0xA039, 0);
        ioApic.input(9).set(true);
        ioApic.endOfInterrupt(0x40);
        assertEquals(1, sent.size());
    }

    @Test
    void polarityIsKeptForTheOs() {
        route(10, 0x203A, 0);
        assertEquals(0x203A, readRegister(0x24));
        ioApic.input(10).set(true);
        assertEquals(1, sent.size(), "the line carries the asserted state");
    }
}
