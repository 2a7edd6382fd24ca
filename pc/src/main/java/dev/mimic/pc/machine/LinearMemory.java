package dev.mimic.pc.machine;

import dev.mimic.backend.machine.MachineException;
import dev.mimic.x86.system.X86System;

/**
 * Memory as a debugger sees it: at linear addresses, like its breakpoints, translated through the
 * guest's page tables when CR0.PG is set (two-level, with CR4.PSE's 4 MiB pages; SDM vol. 3 4.3).
 * Unlike the processor's own walk it sets no accessed or dirty bits, fills no TLB and ignores
 * privilege, as QEMU's gdb stub reads; a page that is not present is an error, not a #PF.
 */
final class LinearMemory {
    private static final long PAGING = 1L << 31;
    private static final long PAGE_SIZE_EXTENSIONS = 1 << 4;
    private static final int PRESENT = 1, LARGE = 1 << 7;

    private final X86System cpu;

    LinearMemory(X86System cpu) {
        this.cpu = cpu;
    }

    byte[] read(long linear, int length) {
        byte[] bytes = new byte[length];
        for (int done = 0; done < length; ) {
            int chunk = chunk(linear + done, length - done);
            System.arraycopy(cpu.readMemory(physical(linear + done), chunk), 0, bytes, done, chunk);
            done += chunk;
        }
        return bytes;
    }

    void write(long linear, byte[] bytes) {
        long[] pages = new long[(bytes.length + 0xFFF) / 0x1000 + 1];
        int count = 0;
        for (int done = 0; done < bytes.length; done += chunk(linear + done, bytes.length - done)) {
            pages[count++] = physical(linear + done);     // all translated first: a write to an unmapped page writes nothing
        }
        count = 0;
        for (int done = 0; done < bytes.length; ) {
            int chunk = chunk(linear + done, bytes.length - done);
            byte[] part = new byte[chunk];
            System.arraycopy(bytes, done, part, 0, chunk);
            cpu.writeMemory(pages[count++], part);
            done += chunk;
        }
    }

    /** The bytes from {@code linear} to the end of its 4 KiB page, at most {@code left}. */
    private static int chunk(long linear, int left) {
        return (int) Math.min(left, 0x1000 - (linear & 0xFFF));
    }

    /** The physical address of {@code linear}; a MachineException when it is not mapped. */
    long physical(long linear) {
        linear &= 0xFFFF_FFFFL;
        if ((cpu.register("cr0") & PAGING) == 0) {
            return linear;
        }
        long directory = (cpu.register("cr3") & 0xFFFF_F000L) + (linear >>> 22) * 4;
        long pde = entry(directory, linear);
        if ((pde & LARGE) != 0 && (cpu.register("cr4") & PAGE_SIZE_EXTENSIONS) != 0) {
            return pde & 0xFFC0_0000L | linear & 0x003F_FFFFL;
        }
        long pte = entry((pde & 0xFFFF_F000L) + (linear >>> 12 & 0x3FF) * 4, linear);
        return pte & 0xFFFF_F000L | linear & 0xFFF;
    }

    private long entry(long address, long linear) {
        byte[] b = cpu.readMemory(address, 4);
        long entry = (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | (long) (b[3] & 0xFF) << 24;
        if ((entry & PRESENT) == 0) {
            throw new MachineException(String.format("linear address 0x%08x is not mapped", linear));
        }
        return entry;
    }
}
