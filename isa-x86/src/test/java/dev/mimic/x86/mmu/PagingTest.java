package dev.mimic.x86.mmu;

import dev.mimic.backend.exec.GuestFault;
import dev.mimic.x86.system.PhysicalMemory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PagingTest {
    private static final int PD = 0x10000, PT = 0x11000;

    /** Control bits a test sets directly. */
    private static final class Bits implements Paging.Control {
        boolean paging = true, wp, pse = true, pge, user;
        int cr3 = PD;

        @Override public boolean paging() { return paging; }
        @Override public boolean writeProtect() { return wp; }
        @Override public boolean pageSizeExtensions() { return pse; }
        @Override public boolean globalPages() { return pge; }
        @Override public int cr3() { return cr3; }
        @Override public boolean userMode() { return user; }
    }

    private final PhysicalMemory ram = new PhysicalMemory(16 << 20);
    private final Bits bits = new Bits();
    private final Paging mmu = new Paging(ram, bits);

    @BeforeEach
    void tables() {
        ram.store32(PD, PT | 7);                        // 0-4 MiB through PT, user, writable
        ram.store32(PD + 4, 0x800000 | 0x83);           // 4-8 MiB: a 4 MiB page at 8 MiB, supervisor
        ram.store32(PT + 4 * 1, 0x5000 | 7);            // linear 0x1000 -> 0x5000
        ram.store32(PT + 4 * 2, 0x6000 | 5);            // read-only user page
        ram.store32(PT + 4 * 3, 0x7000 | 3);            // supervisor page
        ram.store32(PT + 4 * 4, 0x8000 | 0x103);        // global
    }

    @Test
    void fourKibAndFourMibPagesTranslate() {
        assertEquals(0x5123, mmu.translate(0x1123, false));
        assertEquals(0x80_1234, mmu.translate(0x40_1234, false));
    }

    @Test
    void accessedAndDirtyBitsAreSetByTheWalk() {
        mmu.load32(0x1000);
        assertEquals(0x5000 | 0x27, ram.load32(PT + 4));
        assertEquals(PT | 0x27, ram.load32(PD));
        mmu.store8(0x1000, 1);
        assertEquals(0x5000 | 0x67, ram.load32(PT + 4));
        mmu.store8(0x40_0000, 1);
        assertEquals(0x800000 | 0xE3, ram.load32(PD + 4));
    }

    @Test
    void faultsCarryTheErrorCodeAndTheLinearAddress() {
        GuestFault notPresent = assertThrows(GuestFault.class, () -> mmu.load8(0x9000));
        assertEquals(0, notPresent.code());
        assertEquals(0x9000, notPresent.address());
        bits.user = true;
        assertEquals(Paging.PRESENT | Paging.USER, assertThrows(GuestFault.class, () -> mmu.load8(0x3000)).code());
        assertEquals(Paging.PRESENT | Paging.USER | Paging.WRITE,
                assertThrows(GuestFault.class, () -> mmu.store8(0x2000, 0)).code());
        GuestFault write = assertThrows(GuestFault.class, () -> mmu.store8(0x9004, 0));
        assertEquals(Paging.USER | Paging.WRITE, write.code());
        assertEquals(0x9004, write.address());
    }

    @Test
    void theFastPathKeepsThePrivilegeItWasFilledAt() {
        mmu.store32(0x3000, 0x1234_5678);                // supervisor: fills the fast path for the page
        assertEquals(0x1234_5678, mmu.load32(0x3000));
        bits.user = true;
        assertEquals(Paging.PRESENT | Paging.USER, assertThrows(GuestFault.class, () -> mmu.load32(0x3000)).code());
        assertEquals(Paging.PRESENT | Paging.USER | Paging.WRITE,
                assertThrows(GuestFault.class, () -> mmu.store32(0x3004, 0)).code());
        bits.user = false;
        mmu.setSupervisor(true);
        assertEquals(0x1234_5678, mmu.load32(0x3000));
    }

    @Test
    void aFastLoadDoesNotAllowAStore() {
        bits.user = true;
        assertEquals(0, mmu.load32(0x2000));
        assertEquals(Paging.PRESENT | Paging.USER | Paging.WRITE,
                assertThrows(GuestFault.class, () -> mmu.store16(0x2000, 0)).code());
        mmu.load8(0x1000);
        assertEquals(0, ram.load32(PT + 4) & 0x40, "a load leaves the page clean");
        mmu.store16(0x1ffe, 0xBEEF);
        assertEquals(0x40, ram.load32(PT + 4) & 0x40, "the first store goes through the walk and dirties the page");
        assertEquals(0xBEEF, ram.load16(0x5ffe));
    }

    @Test
    void theFastPathForgetsAPageWithItsTranslation() {
        assertEquals(0, mmu.load32(0x1010));
        ram.store32(PT + 4, 0x6000 | 7);                  // remapped without a flush: still the old page
        ram.store32(0x6010, 42);
        assertEquals(0, mmu.load32(0x1010));
        mmu.invalidate(0x1000);
        assertEquals(42, mmu.load32(0x1010));
        ram.store32(PT + 4, 0x5000 | 7);
        mmu.flush(true);
        assertEquals(0, mmu.load32(0x1010));
        mmu.load32(0x4000);                              // global: survives a CR3 write
        ram.store32(PT + 16, 0x6000 | 0x103);
        bits.pge = true;
        mmu.flush(false);
        assertEquals(42, mmu.load32(0x4010));
        ram.store32(PT + 16, 0x8000 | 0x103);
        mmu.flush(true);
        assertEquals(42, mmu.load32(0x4010));
    }

    @Test
    void closingA20DropsWhatTheFastPathLearntAboveOneMib() {
        bits.paging = false;
        ram.store32(0x10_0010, 7);
        assertEquals(7, mmu.load32(0x10_0010));
        mmu.setA20(false);
        assertEquals(0, mmu.load32(0x10_0010));
    }

    @Test
    void fastStoresStillReportCodeAndAcrossPagesTakeTheSlowPath() {
        List<Long> written = new ArrayList<>();
        mmu.setCodeWriteListener((start, end) -> written.add(start));
        mmu.store32(0x1000, 1);
        mmu.trackCode(0x5000, 0x5010);
        mmu.store8(0x1800, 2);
        assertEquals(List.of(0x5000L), written);
        mmu.store32(0x1FFE, 0xAABB_CCDD);                // straddles into the read-only page (WP clear)
        assertEquals(0xAABB_CCDD, mmu.load32(0x1FFE));
        assertEquals(0xCCDD, ram.load16(0x5FFE));
        assertEquals(0xAABB, ram.load16(0x6000));
    }

    @Test
    void supervisorWritesToReadOnlyPagesNeedWpClear() {
        mmu.store8(0x2000, 1);
        bits.wp = true;
        mmu.flush(false);
        assertEquals(Paging.PRESENT | Paging.WRITE, assertThrows(GuestFault.class, () -> mmu.store8(0x2000, 2)).code());
        assertEquals(1, ram.load8(0x6000));
    }

    @Test
    void supervisorOverrideReachesSupervisorPagesFromUserMode() {
        bits.user = true;
        mmu.setSupervisor(true);
        assertEquals(0x7010, mmu.translate(0x3010, false));
    }

    @Test
    void theTlbKeepsTranslationsUntilFlushedAndGlobalOnesAcrossCr3Writes() {
        bits.pge = true;
        assertEquals(0x5000, mmu.translate(0x1000, false));
        assertEquals(0x8000, mmu.translate(0x4000, false));
        ram.store32(PT + 4 * 1, 0x9000 | 7);
        ram.store32(PT + 4 * 4, 0xA000 | 0x103);
        assertEquals(0x5000, mmu.translate(0x1000, false), "stale until flushed");
        mmu.flush(true);
        assertEquals(0x9000, mmu.translate(0x1000, false));
        assertEquals(0x8000, mmu.translate(0x4000, false), "a global page survives a CR3 write");
        mmu.invalidate(0x4000);
        assertEquals(0xA000, mmu.translate(0x4000, false));
    }

    @Test
    void aCr3WriteKeepsCodeOnlyWherePagesStillMapTheSameFrameAndUserBit() {
        int pd2 = 0x20000, pt2 = 0x21000;
        ram.store32(pd2, pt2 | 7);
        ram.store32(pt2 + 4 * 1, 0x5000 | 5);           // same frame, now read-only: kept
        ram.store32(pt2 + 4 * 2, 0x9000 | 5);           // another frame: dropped
        ram.store32(pt2 + 4 * 3, 0x7000 | 7);           // same frame, now a user page: dropped
        List<Long> dropped = new ArrayList<>();
        mmu.onCodeUnmapped((start, end) -> dropped.add(start));
        mmu.translateCode(0x1000);
        mmu.translateCode(0x2000);
        mmu.translateCode(0x3000);
        bits.cr3 = pd2;
        mmu.flush(true);
        assertEquals(List.of(0x6000L, 0x7000L), dropped.stream().sorted().toList());
        assertEquals(0x5000 | 0x25, ram.load32(pt2 + 4), "the walk sets the accessed bit as a fetch would");
        bits.cr3 = PD;
        mmu.flush(true);
        assertEquals(List.of(0x6000L, 0x7000L), dropped.stream().sorted().toList(), "0x1000 still maps 0x5000");
        ram.store32(PT + 4 * 1, 0);
        mmu.flush(true);
        assertEquals(List.of(0x5000L, 0x6000L, 0x7000L), dropped.stream().sorted().toList(), "not present any more");
    }

    @Test
    void aStoreAcrossPagesFaultsBeforeWritingEither() {
        ram.store32(PT + 4 * 5, 0);
        assertThrows(GuestFault.class, () -> mmu.store32(0x4FFE, 0x11223344));
        assertEquals(0, ram.load16(0x8FFE));
    }

    @Test
    void withoutPagingLinearIsPhysical() {
        bits.paging = false;
        assertEquals(0x123456, mmu.translate(0x123456, true));
    }
}
