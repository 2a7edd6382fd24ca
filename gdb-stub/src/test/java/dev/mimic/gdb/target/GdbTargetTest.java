package dev.mimic.gdb.target;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.exec.TinyMachine;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GdbTargetTest {
    private final TinyMachine machine = new TinyMachine(EngineKind.INTERP);

    private static GdbTarget target(ByteOrder order) {
        return new GdbTarget("tiny", "org.mimic.tiny", order, List.of(), List.of(
                new GdbRegister("r0", 32, "int32", null),
                new GdbRegister("r1", 16, "int16", null),
                new GdbRegister("wide", 80, "i387_ext", null)));
    }

    @Test
    void valuesTravelInTheTargetsByteOrderWithAbsentRegistersAsZeros() {
        machine.setRegister("r0", 0x11223344L);
        machine.setRegister("r1", 0xAABBL);
        assertArrayEquals(new byte[] {0x44, 0x33, 0x22, 0x11, (byte) 0xBB, (byte) 0xAA, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                target(ByteOrder.LITTLE_ENDIAN).readAll(machine));
        assertArrayEquals(new byte[] {0x11, 0x22, 0x33, 0x44}, target(ByteOrder.BIG_ENDIAN).read(machine, 0));
    }

    @Test
    void writesGoThroughTheMachineAndSkipAbsentRegisters() {
        GdbTarget t = target(ByteOrder.BIG_ENDIAN);
        t.writeAll(machine, new byte[] {0, 0, 1, 2, 3, 4, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9});
        assertEquals(0x102, machine.register("r0"));
        assertEquals(0x304, machine.register("r1"));
        t.write(machine, 1, new byte[] {0, 7});
        assertEquals(7, machine.register("r1"));
    }

    @Test
    void wrongSizesAndNumbersAreRefused() {
        GdbTarget t = target(ByteOrder.LITTLE_ENDIAN);
        assertThrows(IllegalArgumentException.class, () -> t.writeAll(machine, new byte[3]));
        assertThrows(IllegalArgumentException.class, () -> t.write(machine, 0, new byte[2]));
        assertThrows(IllegalArgumentException.class, () -> t.read(machine, 3));
        assertThrows(IllegalArgumentException.class, () -> new GdbRegister("odd", 12, "int", null));
    }
}
