package dev.mimic.x86.mmu;

import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.memory.CodeWriteListener;
import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.x86.cpu.Vector;
import dev.mimic.x86.system.PhysicalMemory;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The linear address space: what IR loads and stores reach. With paging off (CR0.PG clear) a linear
 * address is the physical one; with it on, the two-level page tables at CR3 translate it (SDM vol. 3
 * 4.3), with 4 MiB pages where CR4.PSE allows, user/supervisor and read/write protection (CR0.WP
 * extends the latter to supervisor writes), and accessed and dirty bits set as the hardware does. A
 * refused access is a {@link GuestFault.Kind#MEMORY} fault whose address is the linear address and
 * whose code is the #PF error code; CR2 is set when the fault is delivered (a fetch the translator only
 * looked ahead at must not change it).
 *
 * <p>Translations are cached in a direct-mapped TLB. Like the hardware it is only flushed when told
 * (CR3 writes keep global entries, INVLPG drops one page, paging mode changes drop all), so a guest
 * that edits page tables without flushing sees stale translations, as it would on a Pentium Pro. The
 * linear pages decoded code came from are remembered too: flushing one tells who translated that code.
 * A CR3 write keeps a kernel's global code, and walks the new tables for each other page: one that
 * still maps the same frame with the same user bit keeps its code (two processes of one program, a
 * pipe's two ends, switch address spaces thousands of times a second), one that does not drops it.
 *
 * <p>In front of it sits a smaller fast path for what compiled code does most: a load or store within
 * one page that the TLB already allowed at the current privilege and that reaches plain RAM. Per TLB
 * slot it keeps the page's RAM offset and, for each of user and supervisor accesses, the page number
 * when loads (stores) may go straight to RAM. It is filled by the slow path and cleared with the slot
 * it mirrors, so it never outlives a translation; the accessors stay small enough for HotSpot to
 * inline into region methods.
 *
 * <p>Code tracking is physical: the translator reports the physical ranges it decoded, and this memory
 * passes them and the resulting write reports straight to {@link PhysicalMemory}.
 */
public final class Paging extends GuestMemory {
    /** #PF error code bits (SDM vol. 3 4.7). */
    public static final int PRESENT = 1, WRITE = 2, USER = 4;
    private static final int TLB_SIZE = 1024;
    private static final int PTE_P = 1, PTE_W = 2, PTE_U = 4, PTE_A = 0x20, PTE_D = 0x40, PTE_PS = 0x80, PTE_G = 0x100;
    /**
     * TLB entry bits beside the frame: user access allowed, user and supervisor writes allowed (WP
     * applied; a change of WP flushes), dirty bit already set, global.
     */
    private static final int T_USER = 1, T_USER_WRITE = 2, T_SUPERVISOR_WRITE = 4, T_DIRTY = 8, T_GLOBAL = 16;

    /** The paging-related control register bits the MMU obeys. */
    public interface Control {
        boolean paging();

        boolean writeProtect();

        boolean pageSizeExtensions();

        boolean globalPages();

        int cr3();

        /** True while the CPU runs at CPL 3, so accesses are user accesses. */
        boolean userMode();

        /** True while misaligned user accesses are #AC faults (CR0.AM, EFLAGS.AC and CPL 3). */
        default boolean alignmentChecked() {
            return false;
        }
    }

    private final PhysicalMemory physical;
    private final Control control;
    private final int[] tags = new int[TLB_SIZE];
    private final int[] frames = new int[TLB_SIZE];
    private final int[] bits = new int[TLB_SIZE];
    /** The fast path: the linear page each slot's {@link #ramFrames} entry is for, or -1. */
    private final int[] fastPages = new int[TLB_SIZE];
    /** The RAM offset of {@link #fastPages}' page (A20 applied). */
    private final int[] ramFrames = new int[TLB_SIZE];
    /** The page number where a load (store) at that privilege may use {@link #ramFrames}, else -1. */
    private final int[] userLoads = new int[TLB_SIZE], userStores = new int[TLB_SIZE],
            supervisorLoads = new int[TLB_SIZE], supervisorStores = new int[TLB_SIZE];
    /** When set, accesses are supervisor accesses whatever the CPL (descriptor tables, TSS, stack switches). */
    private boolean supervisor;
    /** Physical address bits that reach the bus: bit 20 is forced to 0 while the A20 gate is closed. */
    private long a20Mask = 0xFFFF_FFFFL;
    /**
     * Linear pages decoded code came from: page number to physical frame, bit 0 set for a global page,
     * {@link #PTE_U} for a user page.
     */
    private final Map<Integer, Integer> codePages = new HashMap<>();
    private CodeWriteListener codeUnmapped = (s, e) -> { };

    public Paging(PhysicalMemory physical, Control control) {
        this.physical = physical;
        this.control = control;
        Arrays.fill(tags, -1);
        clearFastPath();
    }

    public PhysicalMemory physical() {
        return physical;
    }

    /** Makes the following accesses supervisor accesses (true) or ones of the current CPL (false). */
    public boolean setSupervisor(boolean on) {
        boolean was = supervisor;
        supervisor = on;
        return was;
    }

    /**
     * Whom to tell, with the physical page, when a linear page decoded code came from may map elsewhere
     * (its translation was flushed), so the code decoded there is dropped.
     */
    public void onCodeUnmapped(CodeWriteListener listener) {
        this.codeUnmapped = listener;
    }

    /** Drops every translation (CR0.PG, CR4.PSE/PGE changes); with {@code keepGlobal}, a CR3 write. */
    public void flush(boolean keepGlobal) {
        for (int i = 0; i < TLB_SIZE; i++) {
            if (!keepGlobal || (bits[i] & T_GLOBAL) == 0) {
                tags[i] = -1;
                clearFastPath(i);
            }
        }
        codePages.entrySet().removeIf(e -> {
            int was = e.getValue();
            boolean drop = !keepGlobal || (was & 1) == 0 && remap(e.getKey()) != (was & ~1);
            if (drop) {
                codeUnmapped(was);
            }
            return drop;
        });
    }

    /**
     * What a fetch from linear page {@code page} would reach through the current tables: its frame
     * ({@link #a20Mask} applied) with {@link #PTE_U} for a user page, or -1 when it is not present.
     * It sets the accessed bits the fetch's walk would set, as a processor may when it walks ahead of
     * its fetches (SDM vol. 3 4.8), but fills no TLB entry and raises no fault.
     */
    private int remap(int page) {
        long pdeAddress = (control.cr3() & 0xFFFF_F000L) + (page >>> 10) * 4;
        int pde = physical.load32(pdeAddress);
        if ((pde & PTE_P) == 0) {
            return -1;
        }
        int frame, rights;
        if ((pde & PTE_PS) != 0 && control.pageSizeExtensions()) {
            frame = pde & 0xFFC0_0000 | (page & 0x3FF) << 12;
            rights = pde;
        } else {
            long pteAddress = (pde & 0xFFFF_F000L) + (page & 0x3FF) * 4;
            int pte = physical.load32(pteAddress);
            if ((pte & PTE_P) == 0) {
                return -1;
            }
            markAccessed(pteAddress, pte);
            frame = pte & 0xFFFF_F000;
            rights = pde & pte;
        }
        markAccessed(pdeAddress, pde);
        return frame & (int) a20Mask | rights & PTE_U;
    }

    private void markAccessed(long entryAddress, int entry) {
        if ((entry & PTE_A) == 0) {
            physical.store32(entryAddress, entry | PTE_A);
        }
    }

    /** INVLPG: drops the translation of the page holding {@code linear}, global or not. */
    public void invalidate(long linear) {
        int page = (int) (linear >>> 12);
        int slot = page & TLB_SIZE - 1;
        if (tags[slot] == page) {
            tags[slot] = -1;
        }
        if (fastPages[slot] == page) {
            clearFastPath(slot);
        }
        Integer frame = codePages.remove(page);
        if (frame != null) {
            codeUnmapped(frame);
        }
    }

    private void codeUnmapped(int frame) {
        long start = frame & 0xFFFF_F000L;
        codeUnmapped.codeWritten(start, start + 0x1000);
    }

    /**
     * The physical address of an instruction fetch at {@code linear}; with paging on, the page is
     * remembered, so a later flush of its translation drops the code decoded from it.
     */
    public long translateCode(long linear) {
        long physical = translate(linear, false);
        if (control.paging()) {
            int page = (int) ((linear & 0xFFFF_FFFFL) >>> 12);
            int b = bits[page & TLB_SIZE - 1];
            codePages.put(page, (int) (physical & 0xFFFF_F000L) | ((b & T_GLOBAL) != 0 ? 1 : 0) | ((b & T_USER) != 0 ? PTE_U : 0));
        }
        return physical;
    }

    /**
     * The physical address of {@code linear} for an access that writes or not, as the current privilege
     * (or a supervisor override) sees it; raises #PF when refused.
     */
    public long translate(long linear, boolean write) {
        linear &= 0xFFFF_FFFFL;
        if (!control.paging()) {
            return linear & a20Mask;
        }
        boolean user = !supervisor && control.userMode();
        int page = (int) (linear >>> 12);
        int slot = page & TLB_SIZE - 1;
        int need = user ? write ? T_USER | T_USER_WRITE | T_DIRTY : T_USER : write ? T_SUPERVISOR_WRITE | T_DIRTY : 0;
        if (tags[slot] != page || (bits[slot] & need) != need) {
            walk(linear, write, user);
        }
        return ((frames[slot] & 0xFFFF_F000L) | (linear & 0xFFF)) & a20Mask;
    }

    /**
     * Opens or closes the A20 gate (a PC's port 0x92 or keyboard controller drives the CPU's A20M#
     * pin): closed, physical address bit 20 reads as 0, so addresses wrap at 1 MiB as on an 8086.
     */
    public void setA20(boolean open) {
        a20Mask = open ? 0xFFFF_FFFFL : 0xFFEF_FFFFL;
        clearFastPath();
    }

    /** The two-level walk (SDM vol. 3 4.3), filling the TLB or raising #PF. */
    private void walk(long linear, boolean write, boolean user) {
        long pdeAddress = (control.cr3() & 0xFFFF_F000L) + (linear >>> 22) * 4;
        int pde = physical.load32(pdeAddress);
        if ((pde & PTE_P) == 0) {
            throw fault(linear, 0, write, user);
        }
        boolean big = (pde & PTE_PS) != 0 && control.pageSizeExtensions();
        int entry;
        long entryAddress;
        int frame;
        int rights;
        if (big) {
            entry = pde;
            entryAddress = pdeAddress;
            frame = (int) ((pde & 0xFFC0_0000L) | linear & 0x003F_F000L);
            rights = pde;
        } else {
            entryAddress = (pde & 0xFFFF_F000L) + (linear >>> 12 & 0x3FF) * 4;
            entry = physical.load32(entryAddress);
            if ((entry & PTE_P) == 0) {
                throw fault(linear, 0, write, user);
            }
            frame = entry & 0xFFFF_F000;
            rights = pde & entry;
        }
        boolean writable = (rights & PTE_W) != 0;
        int b = ((rights & PTE_U) != 0 ? T_USER : 0) | (writable ? T_USER_WRITE : 0)
                | (writable || !control.writeProtect() ? T_SUPERVISOR_WRITE : 0);
        if (user && (b & T_USER) == 0 || write && (b & (user ? T_USER_WRITE : T_SUPERVISOR_WRITE)) == 0) {
            throw fault(linear, PRESENT, write, user);
        }
        if (!big && (pde & PTE_A) == 0) {
            physical.store32(pdeAddress, pde | PTE_A);
        }
        int updated = entry | PTE_A | (write ? PTE_D : 0);
        if (updated != entry) {
            physical.store32(entryAddress, updated);
        }
        if ((updated & PTE_D) != 0) {
            b |= T_DIRTY;
        }
        if ((entry & PTE_G) != 0 && control.globalPages()) {
            b |= T_GLOBAL;
        }
        int page = (int) (linear >>> 12);
        int slot = page & TLB_SIZE - 1;
        tags[slot] = page;
        frames[slot] = frame;
        bits[slot] = b;
        clearFastPath(slot);
    }

    // ---- the fast path ----

    private void clearFastPath() {
        for (int i = 0; i < TLB_SIZE; i++) {
            clearFastPath(i);
        }
    }

    private void clearFastPath(int slot) {
        fastPages[slot] = -1;
        userLoads[slot] = -1;
        userStores[slot] = -1;
        supervisorLoads[slot] = -1;
        supervisorStores[slot] = -1;
    }

    private boolean userAccess() {
        return !supervisor && control.userMode();
    }

    private int[] loads() {
        return userAccess() ? userLoads : supervisorLoads;
    }

    private int[] stores() {
        return userAccess() ? userStores : supervisorStores;
    }

    /** The 20-bit page number of a linear address (a 32-bit address space: higher bits are dropped). */
    private static int page(long linear) {
        return (int) (linear >>> 12) & 0xF_FFFF;
    }

    /** The RAM offset for an access the fast path allows at {@code linear} (whose page is in {@code slot}). */
    private int ram(int slot, long linear) {
        return ramFrames[slot] | (int) linear & 0xFFF;
    }

    /**
     * The slow path translated {@code linear} to {@code physical} for a load or store at the current
     * privilege: when that is plain RAM, the same accesses to the page may take the fast path.
     */
    private void allow(long linear, long physical, boolean write) {
        long frame = physical & 0xFFFF_F000L;
        if (!this.physical.isRamPage(frame)) {
            return;
        }
        int page = page(linear);
        int slot = page & TLB_SIZE - 1;
        if (fastPages[slot] != page || ramFrames[slot] != (int) frame) {
            clearFastPath(slot);
            fastPages[slot] = page;
            ramFrames[slot] = (int) frame;
        }
        (write ? stores() : loads())[slot] = page;
    }

    private long translateLoad(long linear) {
        long physical = translate(linear, false);
        allow(linear, physical, false);
        return physical;
    }

    private long translateStore(long linear) {
        long physical = translate(linear, true);
        allow(linear, physical, true);
        return physical;
    }

    private GuestFault fault(long linear, int present, boolean write, boolean user) {
        int code = present | (write ? WRITE : 0) | (user ? USER : 0);
        return new GuestFault(GuestFault.Kind.MEMORY, linear, code,
                String.format("page fault at 0x%08x (error code %d)", linear, code));
    }

    /**
     * Raises #AC(0) for a misaligned access of {@code width} bytes when alignment checking is on and the
     * access is not an implicit supervisor one; a page fault on either end comes first (SDM vol. 3
     * table 6-2 ranks #AC below #PF).
     */
    private void checkAlignment(long address, int width, boolean write) {
        if (!supervisor && control.alignmentChecked()) {
            translate(address, write);
            translate(address + width - 1, write);
            throw Vector.raise(Vector.AC, 0, String.format("misaligned %d-byte access at 0x%08x", width, address & 0xFFFF_FFFFL));
        }
    }

    private static boolean crosses(long address, int width) {
        return (address & 0xFFF) > 0x1000 - width;
    }

    // ---- GuestMemory: linear accesses (the fast path inline, the rest in slow* methods) ----

    @Override
    public int load8(long address) {
        int page = page(address), slot = page & TLB_SIZE - 1;
        if (loads()[slot] == page) {
            return physical.ramLoad8(ram(slot, address));
        }
        return physical.load8(translateLoad(address));
    }

    @Override
    public int load16(long address) {
        int page = page(address), slot = page & TLB_SIZE - 1;
        if ((address & 1) == 0 && loads()[slot] == page) {
            return physical.ramLoad16(ram(slot, address));
        }
        return slowLoad16(address);
    }

    private int slowLoad16(long address) {
        if ((address & 1) != 0) {
            checkAlignment(address, 2, false);
        }
        if (crosses(address, 2)) {
            return load8(address) | load8(address + 1) << 8;
        }
        return physical.load16(translateLoad(address));
    }

    @Override
    public int load32(long address) {
        int page = page(address), slot = page & TLB_SIZE - 1;
        if ((address & 3) == 0 && loads()[slot] == page) {
            return physical.ramLoad32(ram(slot, address));
        }
        return slowLoad32(address);
    }

    private int slowLoad32(long address) {
        if ((address & 3) != 0) {
            checkAlignment(address, 4, false);
        }
        if (crosses(address, 4)) {
            return load16(address) | load16(address + 2) << 16;
        }
        return physical.load32(translateLoad(address));
    }

    @Override
    public long load64(long address) {
        if ((address & 7) != 0) {
            checkAlignment(address, 8, false);
        }
        return load32(address) & 0xFFFF_FFFFL | (long) load32(address + 4) << 32;
    }

    @Override
    public void store8(long address, int value) {
        int page = page(address), slot = page & TLB_SIZE - 1;
        if (stores()[slot] == page) {
            physical.ramStore8(ram(slot, address), value);
        } else {
            physical.store8(translateStore(address), value);
        }
    }

    @Override
    public void store16(long address, int value) {
        int page = page(address), slot = page & TLB_SIZE - 1;
        if ((address & 1) == 0 && stores()[slot] == page) {
            physical.ramStore16(ram(slot, address), value);
        } else {
            slowStore16(address, value);
        }
    }

    private void slowStore16(long address, int value) {
        if ((address & 1) != 0) {
            checkAlignment(address, 2, true);
        }
        if (crosses(address, 2)) {
            translate(address + 1, true);
            store8(address, value);
            store8(address + 1, value >>> 8);
            return;
        }
        physical.store16(translateStore(address), value);
    }

    @Override
    public void store32(long address, int value) {
        int page = page(address), slot = page & TLB_SIZE - 1;
        if ((address & 3) == 0 && stores()[slot] == page) {
            physical.ramStore32(ram(slot, address), value);
        } else {
            slowStore32(address, value);
        }
    }

    private void slowStore32(long address, int value) {
        if ((address & 3) != 0) {
            checkAlignment(address, 4, true);
        }
        if (crosses(address, 4)) {
            translate(address, true);
            translate(address + 3, true);
            store16(address, value);
            store16(address + 2, value >>> 16);
            return;
        }
        physical.store32(translateStore(address), value);
    }

    @Override
    public void store64(long address, long value) {
        if ((address & 7) != 0) {
            checkAlignment(address, 8, true);
        }
        translate(address, true);
        translate(address + 7, true);
        store32(address, (int) value);
        store32(address + 4, (int) (value >>> 32));
    }

    @Override
    public long size() {
        return 1L << 32;
    }

    /** Tracked ranges are physical (the translator covers physical addresses). */
    @Override
    public void trackCode(long start, long end) {
        physical.trackCode(start, end);
    }

    @Override
    public void untrackAllCode() {
        physical.untrackAllCode();
    }

    @Override
    public void setCodeWriteListener(CodeWriteListener listener) {
        physical.setCodeWriteListener(listener);
    }
}
