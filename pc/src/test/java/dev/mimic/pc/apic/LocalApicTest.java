package dev.mimic.pc.apic;

import dev.mimic.pc.clock.VirtualClock;
import dev.mimic.x86.system.InterruptRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalApicTest {
    private static final int ID = 0x20, VERSION = 0x30, TPR = 0x80, PPR = 0xA0, EOI = 0xB0, LDR = 0xD0, DFR = 0xE0,
            SVR = 0xF0, ISR = 0x100, TMR = 0x180, IRR = 0x200, ESR = 0x280, ICR_LOW = 0x300, ICR_HIGH = 0x310,
            LVT_TIMER = 0x320, LVT_LINT0 = 0x350, LVT_LINT1 = 0x360, LVT_ERROR = 0x370, INITIAL = 0x380, CURRENT = 0x390, DIVIDE = 0x3E0;

    /** An 8259A stand-in: requests vector 0x08 while {@code requesting}. */
    private static final class FakePic implements InterruptRequests {
        boolean requesting;
        int acknowledged;

        @Override
        public boolean pending() {
            return requesting;
        }

        @Override
        public int acknowledge() {
            acknowledged++;
            requesting = false;
            return 0x08;
        }
    }

    private final VirtualClock clock = new VirtualClock();
    private final FakePic pic = new FakePic();
    private final LocalApic apic = new LocalApic(clock, pic);
    private final List<Integer> eois = new ArrayList<>();

    LocalApicTest() {
        apic.onLevelEoi(eois::add);
    }

    private int read(int offset) {
        return apic.read(offset, 4);
    }

    private void write(int offset, int value) {
        apic.write(offset, 4, value);
    }

    private void enable() {
        write(SVR, 0x1FF);
    }

    private void fixed(int vector) {
        apic.deliver(new ApicMessage(vector, DeliveryMode.FIXED, false, 0, false));
    }

    @Test
    void resetState() {
        assertEquals(0x0005_0014, read(VERSION));
        assertEquals(0, read(ID));
        assertEquals(0xFFFF_FFFF, read(DFR));
        assertEquals(0xFF, read(SVR));
        assertEquals(0x700, read(LVT_LINT0), "ExtINT, unmasked: the BSP passes the 8259A through");
        assertEquals(1 << 16, read(LVT_TIMER));
        assertEquals(1 << 16, read(LVT_ERROR));
    }

    @Test
    void the8259aPassesThroughLint0InExtIntMode() {
        pic.requesting = true;
        assertTrue(apic.pending());
        assertEquals(0x08, apic.acknowledge());
        assertEquals(1, pic.acknowledged);
    }

    @Test
    void aMaskedLint0HidesThe8259a() {
        enable();
        write(LVT_LINT0, 0x1_0700);
        pic.requesting = true;
        assertFalse(apic.pending());
    }

    @Test
    void aGloballyDisabledApicIsThe8259aAndReadsAllOnes() {
        enable();
        write(LVT_LINT0, 0x1_0700);
        apic.writeBaseMsr(0xFEE0_0000L);
        pic.requesting = true;
        assertTrue(apic.pending());
        assertEquals(0xFFFF_FFFF, read(VERSION));
        apic.writeBaseMsr(0xFEE0_0800L);
        assertEquals(0xFF, read(SVR), "re-enabled in its power-up state");
    }

    @Test
    void fixedInterruptsAreDroppedWhileSoftwareDisabled() {
        fixed(0x40);
        assertFalse(apic.pending());
    }

    @Test
    void anAcceptedVectorMovesFromIrrToIsrAndEoiClearsIt() {
        enable();
        fixed(0x41);
        assertEquals(1 << 1, read(IRR + 0x20));
        assertTrue(apic.pending());
        assertEquals(0x41, apic.acknowledge());
        assertEquals(0, read(IRR + 0x20));
        assertEquals(1 << 1, read(ISR + 0x20));
        assertEquals(0x40, read(PPR));
        write(EOI, 0);
        assertEquals(0, read(ISR + 0x20));
        assertEquals(List.of(), eois, "edge-triggered: no EOI broadcast");
    }

    @Test
    void theHighestVectorGoesFirst() {
        enable();
        fixed(0x31);
        fixed(0x92);
        fixed(0x55);
        assertEquals(0x92, apic.acknowledge());
        assertEquals(0x92, read(PPR) | 0x02, "PPR is the in-service class");
    }

    @ParameterizedTest(name = "TPR {0}, in service {1}, request {2}: delivered {3}")
    @CsvSource({"0x00, 0, 0x31, true", "0x30, 0, 0x3F, false", "0x30, 0, 0x40, true", "0x00, 0x45, 0x4F, false",
            "0x00, 0x45, 0x50, true", "0x60, 0x45, 0x55, false"})
    void priorityIsByVectorClass(int tpr, int inService, int request, boolean delivered) {
        enable();
        if (inService != 0) {
            fixed(inService);
            apic.acknowledge();
        }
        write(TPR, tpr);
        fixed(request);
        assertEquals(delivered, apic.pending());
    }

    @Test
    void pprIsTprWhenItIsNotBelowTheInServiceClass() {
        enable();
        fixed(0x45);
        apic.acknowledge();
        write(TPR, 0x47);
        assertEquals(0x47, read(PPR));
        write(TPR, 0x23);
        assertEquals(0x40, read(PPR));
    }

    @Test
    void anUndeliverableAcknowledgeGetsTheSpuriousVector() {
        write(SVR, 0x1EF);
        write(LVT_LINT0, 0x1_0700);
        assertEquals(0xEF, apic.acknowledge());
    }

    @Test
    void aLevelTriggeredVectorSetsTmrAndBroadcastsItsEoi() {
        enable();
        apic.deliver(new ApicMessage(0x61, DeliveryMode.FIXED, false, 0, true));
        assertEquals(1 << 1, read(TMR + 0x30));
        apic.acknowledge();
        write(EOI, 0);
        assertEquals(List.of(0x61), eois);
    }

    @ParameterizedTest(name = "logical {0}, destination {1}, {2} model: accepted {3}")
    @CsvSource({"false, 0x00, flat, true", "false, 0x01, flat, false", "false, 0xFF, flat, true",
            "true, 0x01, flat, true", "true, 0x02, flat, false", "true, 0x13, cluster, true",
            "true, 0x21, cluster, false"})
    void destinationsAreMatchedPhysicallyOrLogically(boolean logical, int destination, String model, boolean accepted) {
        enable();
        write(LDR, 0x1100_0000);
        write(DFR, model.equals("flat") ? 0xFFFF_FFFF : 0x0FFF_FFFF);
        apic.deliver(new ApicMessage(0x50, DeliveryMode.FIXED, logical, destination, false));
        assertEquals(accepted, apic.pending());
    }

    @Test
    void ldrAndIdKeepTheTopByteAndDfrItsModel() {
        write(ID, 0x0312_3456);
        write(LDR, 0x0512_3456);
        write(DFR, 0x0000_0000);
        assertEquals(0x0300_0000, read(ID));
        assertEquals(0x0500_0000, read(LDR));
        assertEquals(0x0FFF_FFFF, read(DFR));
    }

    @Test
    void aSelfIpiArrivesAtThisApic() {
        enable();
        write(ICR_LOW, 1 << 18 | 0x77);
        assertEquals(0x77, apic.acknowledge());
        write(EOI, 0);
        write(ICR_HIGH, 0x0100_0000);
        write(ICR_LOW, 0x66);
        assertFalse(apic.pending(), "a fixed IPI to APIC 1 is for another processor");
        write(ICR_HIGH, 0);
        write(ICR_LOW, 0x66);
        assertEquals(0x66, apic.acknowledge());
        assertEquals(0, read(ICR_LOW) & 1 << 12, "delivery status is idle");
    }

    @Test
    void illegalVectorsAreLatchedInEsrAndRaiseTheErrorLvt() {
        enable();
        write(LVT_ERROR, 0xFE);
        write(ICR_LOW, 1 << 18 | 0x05);
        assertEquals(0, read(ESR), "not yet latched");
        write(ESR, 0);
        assertEquals(0x60, read(ESR), "send and receive illegal vector");
        assertEquals(0xFE, apic.acknowledge());
        write(ESR, 0);
        assertEquals(0, read(ESR));
    }

    @Test
    void clearingSoftwareEnableMasksEveryLvt() {
        enable();
        write(LVT_TIMER, 0x30);
        write(SVR, 0xFF);
        assertEquals(0x1_0030, read(LVT_TIMER));
        write(LVT_TIMER, 0x30);
        assertEquals(0x1_0030, read(LVT_TIMER), "the mask cannot be cleared while disabled");
    }

    @Test
    void aOneShotTimerCountsDownOnTheClockAndInterruptsOnce() {
        enable();
        write(LVT_TIMER, 0x30);
        write(DIVIDE, 0x1);                                          // divide by 4
        write(INITIAL, 1000);
        clock.advanceBy(400 * ApicTimer.TICK_NANOS);
        assertEquals(900, read(CURRENT));
        clock.advanceBy(3599 * ApicTimer.TICK_NANOS);
        assertFalse(apic.pending());
        clock.advanceBy(ApicTimer.TICK_NANOS);
        assertEquals(0, read(CURRENT));
        assertEquals(0x30, apic.acknowledge());
        write(EOI, 0);
        clock.advanceBy(100_000);
        assertFalse(apic.pending(), "one shot");
    }

    @Test
    void aPeriodicTimerReloads() {
        enable();
        write(LVT_TIMER, 1 << 17 | 0x31);
        write(DIVIDE, 0xB);                                          // divide by 1
        write(INITIAL, 100);
        int interrupts = 0;
        for (int i = 0; i < 5; i++) {
            clock.advanceBy(100 * ApicTimer.TICK_NANOS);
            if (apic.pending()) {
                apic.acknowledge();
                write(EOI, 0);
                interrupts++;
            }
        }
        assertEquals(5, interrupts);
        clock.advanceBy(30 * ApicTimer.TICK_NANOS);
        assertEquals(70, read(CURRENT));
    }

    @ParameterizedTest(name = "divide configuration {0} divides by {1}")
    @CsvSource({"0x0, 2", "0x1, 4", "0x2, 8", "0x3, 16", "0x8, 32", "0x9, 64", "0xA, 128", "0xB, 1"})
    void divideConfigurationSetsTheTickRate(int configuration, int divisor) {
        write(DIVIDE, configuration);
        write(INITIAL, 1000);
        clock.advanceBy(10L * divisor * ApicTimer.TICK_NANOS);
        assertEquals(990, read(CURRENT));
        assertEquals(configuration, read(DIVIDE));
    }

    @Test
    void aMaskedTimerCountsWithoutInterrupting() {
        enable();
        write(LVT_TIMER, 1 << 16 | 0x30);
        write(DIVIDE, 0xB);
        write(INITIAL, 10);
        clock.advanceBy(10 * ApicTimer.TICK_NANOS);
        assertFalse(apic.pending());
    }

    @Test
    void anInitialCountOfZeroStopsTheTimer() {
        enable();
        write(LVT_TIMER, 0x30);
        write(INITIAL, 10);
        write(INITIAL, 0);
        clock.advanceBy(1_000);
        assertFalse(apic.pending());
        assertEquals(0, read(CURRENT));
    }

    @Test
    void ownVectorsComeBeforeThe8259a() {
        enable();
        fixed(0x40);
        pic.requesting = true;
        assertEquals(0x40, apic.acknowledge());
        assertEquals(0x08, apic.acknowledge());
    }

    @Test
    void lint1DeliversAnNmiAsItsLvtEntrySaysAndStraightToTheProcessorWhileTheApicIsDisabled() {
        int[] nmis = {0};
        apic.onNmi(() -> nmis[0]++);
        apic.lint1();
        assertEquals(0, nmis[0], "masked at power-up");
        enable();
        write(LVT_LINT1, 0x400);
        apic.lint1();
        assertEquals(1, nmis[0], "NMI mode, as SeaBIOS and Linux program it");
        write(LVT_LINT1, 0x10400);
        apic.lint1();
        assertEquals(1, nmis[0]);
        write(LVT_LINT1, 0x0041);
        apic.lint1();
        assertEquals(1, nmis[0]);
        assertTrue(apic.pending());
        assertEquals(0x41, apic.acknowledge(), "fixed mode raises its vector");
        apic.writeBaseMsr(0);
        apic.lint1();
        assertEquals(2, nmis[0], "a disabled APIC leaves LINT1 wired to the NMI pin");
    }
}
