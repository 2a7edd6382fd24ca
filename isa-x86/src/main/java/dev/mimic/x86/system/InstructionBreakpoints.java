package dev.mimic.x86.system;

import dev.mimic.backend.debug.Breakpoint;
import dev.mimic.backend.debug.DebugPoints;
import dev.mimic.backend.exec.StopEvent;
import dev.mimic.x86.protect.Cpu;

import java.util.HashMap;
import java.util.Map;

/**
 * The guest's own instruction breakpoints (SDM vol. 3 17.2): DR0-DR3 whose DR7 enable bit (local
 * or global) is set and whose R/W field is 00. They are the engine's breakpoints at the linear
 * address, taken for the processor itself (internal ids), so they cost nothing while none is armed
 * and stop translated code exactly as a debugger's breakpoints do; the processor turns a hit into
 * a #DB fault instead of a debugger stop.
 */
final class InstructionBreakpoints {
    private static final int RW_SHIFT = 16;

    private final Cpu cpu;
    private final DebugPoints points;
    /** Engine breakpoint id to the DRn it stands for. */
    private final Map<Integer, Integer> armed = new HashMap<>();

    InstructionBreakpoints(Cpu cpu, DebugPoints points) {
        this.cpu = cpu;
        this.points = points;
    }

    /** Reads DR0-DR3 and DR7 again (after a MOV to a debug register, a reset or a restore). */
    void rearm() {
        armed.keySet().forEach(points::delete);
        armed.clear();
        int dr7 = cpu.dr[7];
        for (int n = 0; n < 4; n++) {
            boolean enabled = (dr7 >>> 2 * n & 3) != 0;
            boolean execute = (dr7 >>> RW_SHIFT + 4 * n & 3) == 0;
            if (enabled && execute) {
                Breakpoint b = points.addInternalBreakpoint(cpu.dr[n] & 0xFFFF_FFFFL);
                armed.put(b.id(), n);
            }
        }
    }

    /**
     * The DR6 bits B0-B3 for the event, when it is one of the armed breakpoints: every DRn of type
     * execute at that address, enabled or not (the processor reports those too); 0 otherwise.
     */
    int hits(StopEvent e) {
        if (e == null || e.kind() != StopEvent.Kind.BREAKPOINT || !armed.containsKey(e.id())) {
            return 0;
        }
        int linear = cpu.dr[armed.get(e.id())];
        int bits = 0;
        for (int n = 0; n < 4; n++) {
            if (cpu.dr[n] == linear && (cpu.dr[7] >>> RW_SHIFT + 4 * n & 3) == 0) {
                bits |= 1 << n;
            }
        }
        return bits;
    }
}
