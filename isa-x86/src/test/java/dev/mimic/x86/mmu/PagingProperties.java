package dev.mimic.x86.mmu;

import dev.mimic.backend.exec.GuestFault;
import dev.mimic.x86.system.PhysicalMemory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every access through random page-table entries either lands where a direct reading of SDM vol. 3
 * 4.3 and 4.6 says, or faults with the error code it says, whatever the privilege, WP and PSE.
 */
class PagingProperties {
    private static final int PD = 0x10000, PT = 0x11000;

    private static final class Bits implements Paging.Control {
        final boolean wp, pse, user;

        Bits(boolean wp, boolean pse, boolean user) {
            this.wp = wp;
            this.pse = pse;
            this.user = user;
        }

        @Override public boolean paging() { return true; }
        @Override public boolean writeProtect() { return wp; }
        @Override public boolean pageSizeExtensions() { return pse; }
        @Override public boolean globalPages() { return false; }
        @Override public int cr3() { return PD; }
        @Override public boolean userMode() { return user; }
    }

    @Property(tries = 2000)
    void accessesFollowTheTables(@ForAll @IntRange(max = 0xFF) int pdeFlags, @ForAll @IntRange(max = 0xFF) int pteFlags,
                                 @ForAll boolean wp, @ForAll boolean pse, @ForAll boolean user, @ForAll boolean write,
                                 @ForAll @IntRange(max = 0x3FFFFF) int offset) {
        PhysicalMemory ram = new PhysicalMemory(16 << 20);
        int pde = PT | pdeFlags & 0x87;          // P, W, U and PS as given; A and D start clear
        int pte = 0x200000 | pteFlags & 0x07;
        ram.store32(PD, pde);
        int linear = offset;
        ram.store32(PT + (linear >>> 12 & 0x3FF) * 4, pte);
        Bits bits = new Bits(wp, pse, user);
        Paging mmu = new Paging(ram, bits);

        boolean big = (pde & 0x80) != 0 && pse;
        boolean present = (pde & 1) != 0 && (big || (pte & 1) != 0);
        int rights = big ? pde : pde & pte;
        boolean allowed = present && (!user || (rights & 4) != 0)
                && (!write || (rights & 2) != 0 || !user && !wp);
        long expected = big ? (pde & 0xFFC00000L) | linear & 0x3FFFFF : 0x200000 | linear & 0xFFF;
        try {
            long physical = mmu.translate(linear, write);
            assertEquals(true, allowed, "the access should have faulted");
            assertEquals(expected, physical);
            int entry = big ? ram.load32(PD) : ram.load32(PT + (linear >>> 12 & 0x3FF) * 4);
            assertEquals(0x20, entry & 0x20, "accessed");
            assertEquals(write ? 0x40 : 0, entry & 0x40, "dirty");
        } catch (GuestFault f) {
            assertEquals(false, allowed, "the access should have succeeded");
            int code = (present ? Paging.PRESENT : 0) | (write ? Paging.WRITE : 0) | (user ? Paging.USER : 0);
            assertEquals(code, f.code());
            assertEquals(linear, f.address());
        }
    }
}
