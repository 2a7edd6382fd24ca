package dev.mimic.backend.debug;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DebugPointsTest {
    @Test
    void deleteAllRemovesTheUsersPointsAndKeepsTheInternalOnes() {
        DebugPoints points = new DebugPoints();
        List<Long> redecoded = new ArrayList<>();
        points.onBreakpointChange((start, end) -> redecoded.add(start));
        points.addBreakpoint(0x100, "main", null);
        points.addWatchpoint(0x200, 4, Watchpoint.Access.WRITE, "x", null);
        Breakpoint next = points.addInternalBreakpoint(0x300);
        Watchpoint debugRegister = points.addInternalWatchpoint(0x400, 2, Watchpoint.Access.ACCESS);
        redecoded.clear();

        points.deleteAll();

        assertEquals(List.of(next), points.breakpoints());
        assertEquals(List.of(debugRegister), points.watchpoints());
        assertTrue(points.userBreakpoints().isEmpty() && points.userWatchpoints().isEmpty());
        assertEquals(List.of(0x100L), redecoded, "only the deleted breakpoint's code is decoded again");
    }
}
