package dev.mimic.x86.system;

import dev.mimic.backend.debug.DebugPoints;
import dev.mimic.backend.debug.Watchpoint;
import dev.mimic.backend.exec.StopEvent;
import dev.mimic.x86.protect.Cpu;

import java.util.HashMap;
import java.util.Map;

/**
 * The guest's own breakpoints (SDM vol. 3 17.2): DR0-DR3 as DR7 enables (local or global bit) and
 * types them. Instruction breakpoints (R/W 00) are the engine's breakpoints and data breakpoints
 * (R/W 01 write, 11 read or write) its watchpoints, at the linear address, taken for the processor
 * itself (internal ids): they cost nothing while none is armed, stop translated code exactly as a
 * debugger's do, and the processor turns a hit into a #DB instead of a debugger stop. I/O
 * breakpoints (R/W 10) are matched by the port instructions; the manuals define R/W 10 only while
 * CR4.DE is set, and it watches ports whatever CR4.DE says here, as in QEMU.
 * A data or I/O breakpoint of length 2, 4 or 8 (LEN 01, 11, 10) watches the aligned range its
 * address falls in.
 */
final class DebugRegisterBreakpoints {
    private static final int RW_SHIFT = 16, LEN_SHIFT = 18;
    private static final int EXECUTE = 0, WRITE = 1, IO = 2;

    private final Cpu cpu;
    private final DebugPoints points;
    /** Engine breakpoint or watchpoint id to the DRn it stands for. */
    private final Map<Integer, Integer> armed = new HashMap<>();
    /** The enabled DRn of type I/O, as a mask. */
    private int io;

    DebugRegisterBreakpoints(Cpu cpu, DebugPoints points) {
        this.cpu = cpu;
        this.points = points;
    }

    /** Reads DR0-DR3 and DR7 again (after a MOV to a debug register, a reset or a restore). */
    void rearm() {
        armed.keySet().forEach(points::delete);
        armed.clear();
        io = 0;
        for (int n = 0; n < 4; n++) {
            if ((cpu.dr[7] >>> 2 * n & 3) == 0) {
                continue;
            }
            int type = type(n);
            if (type == EXECUTE) {
                armed.put(points.addInternalBreakpoint(cpu.dr[n] & 0xFFFF_FFFFL).id(), n);
            } else if (type == IO) {
                io |= 1 << n;
            } else {
                Watchpoint.Access access = type == WRITE ? Watchpoint.Access.WRITE : Watchpoint.Access.ACCESS;
                armed.put(points.addInternalWatchpoint(start(n), length(n), access).id(), n);
            }
        }
    }

    /** True when an I/O breakpoint is armed, so the processor must look at every port access. */
    boolean watchesPorts() {
        return io != 0;
    }

    /**
     * The DR6 bits B0-B3 for the event, when it is one of the armed instruction breakpoints: every
     * DRn of type execute at that address, enabled or not (the processor reports those too); 0
     * otherwise.
     */
    int instructionHits(StopEvent e) {
        if (e == null || e.kind() != StopEvent.Kind.BREAKPOINT || !armed.containsKey(e.id())) {
            return 0;
        }
        int linear = cpu.dr[armed.get(e.id())];
        int bits = 0;
        for (int n = 0; n < 4; n++) {
            if (cpu.dr[n] == linear && type(n) == EXECUTE) {
                bits |= 1 << n;
            }
        }
        return bits;
    }

    /**
     * The DR6 bits B0-B3 for the event, when it is one of the armed data breakpoints: the DRn hit and
     * every other armed one watching the same range the same way; 0 otherwise.
     */
    int dataHits(StopEvent e) {
        if (e == null || e.kind() != StopEvent.Kind.WATCHPOINT || !armed.containsKey(e.id())) {
            return 0;
        }
        int hit = armed.get(e.id());
        int bits = 0;
        for (int n : armed.values()) {
            if (type(n) == type(hit) && start(n) == start(hit) && length(n) == length(hit)) {
                bits |= 1 << n;
            }
        }
        return bits;
    }

    /** The DR6 bits B0-B3 of the armed I/O breakpoints an access of {@code size} ports at {@code port} hits. */
    int ioHits(int port, int size) {
        if (!watchesPorts()) {
            return 0;
        }
        int bits = 0;
        for (int n = 0; n < 4; n++) {
            if ((io >>> n & 1) != 0 && start(n) < port + size && port < start(n) + length(n)) {
                bits |= 1 << n;
            }
        }
        return bits;
    }

    private int type(int n) {
        return cpu.dr[7] >>> RW_SHIFT + 4 * n & 3;
    }

    /** LEN 00, 01, 11 and 10: 1, 2, 4 and 8 bytes. */
    private int length(int n) {
        return switch (cpu.dr[7] >>> LEN_SHIFT + 4 * n & 3) {
            case 0 -> 1;
            case 1 -> 2;
            case 3 -> 4;
            default -> 8;
        };
    }

    private long start(int n) {
        return cpu.dr[n] & 0xFFFF_FFFFL & -length(n);
    }
}
