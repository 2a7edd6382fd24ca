package dev.mimic.pc.keyboard;

import dev.mimic.pc.a20.A20Gate;
import dev.mimic.pc.a20.SystemControlPortA;
import dev.mimic.pc.bus.IoBus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Kbc8042Test {
    final IoBus bus = new IoBus();
    final A20Gate a20 = new A20Gate();
    boolean irq1;
    boolean irq12;
    int resets;
    final Kbc8042 kbc = new Kbc8042(level -> irq1 = level, level -> irq12 = level, a20, () -> resets++);

    Kbc8042Test() {
        kbc.attach(bus);
    }

    List<Integer> drain() {
        List<Integer> bytes = new ArrayList<>();
        while ((bus.in(0x64, 1) & 1) != 0) {
            bytes.add(bus.in(0x60, 1));
        }
        return bytes;
    }

    void command(int c) {
        bus.out(0x64, 1, c);
    }

    @Test
    void selfTestsAndCommandByte() {
        command(0xAA);
        assertEquals(List.of(0x55), drain());
        command(0xAB);
        assertEquals(List.of(0x00), drain());
        command(0x20);
        assertEquals(List.of(0x45), drain(), "IRQ 1, system flag, translation");
        command(0x60);
        bus.out(0x60, 1, 0x47);
        command(0x20);
        assertEquals(List.of(0x47), drain());
        assertEquals(0x1C, bus.in(0x64, 1) & 0x1C, "system flag, last write was a command, not inhibited");
    }

    @Test
    void keyPressesAreTranslatedToSet1AndRaiseIrq1() {
        kbc.pressKey(0x1C);
        assertTrue(irq1);
        assertEquals(0x1E, bus.in(0x60, 1), "A: set 2 0x1C is set 1 0x1E");
        assertFalse(irq1);
        kbc.releaseKey(0x1C);
        assertEquals(List.of(0x9E), drain(), "F0 1C becomes the break code 0x9E");
        kbc.pressKey(0xE075);
        assertEquals(List.of(0xE0, 0x48), drain(), "up arrow");
        kbc.pressKey(0x83);
        kbc.pressKey(0x76);
        kbc.pressKey(0x5A);
        kbc.pressKey(0x29);
        kbc.pressKey(0x05);
        assertEquals(List.of(0x41, 0x01, 0x1C, 0x39, 0x3B), drain(), "F7, Esc, Enter, space, F1");
    }

    @Test
    void withoutTranslationSet2PassesThrough() {
        command(0x60);
        bus.out(0x60, 1, 0x01);
        kbc.releaseKey(0x1C);
        assertEquals(List.of(0xF0, 0x1C), drain());
    }

    @Test
    void keyboardCommandsAreAcknowledged() {
        bus.out(0x60, 1, 0xFF);
        assertEquals(List.of(0xFA, 0xAA), drain());
        bus.out(0x60, 1, 0xF2);
        assertEquals(List.of(0xFA, 0xAB, 0x41), drain(), "translation applies to every keyboard byte: 0x83 reads as 0x41");
        command(0x60);
        bus.out(0x60, 1, 0x01);
        bus.out(0x60, 1, 0xF2);
        assertEquals(List.of(0xFA, 0xAB, 0x83), drain());
        bus.out(0x60, 1, 0xED);
        bus.out(0x60, 1, 0x04);
        assertEquals(List.of(0xFA, 0xFA), drain());
        assertEquals(4, kbc.keyboardLeds());
        bus.out(0x60, 1, 0xF0);
        bus.out(0x60, 1, 0x00);
        assertEquals(List.of(0xFA, 0xFA, 0x02), drain(), "current scan code set: 2");
        bus.out(0x60, 1, 0xEE);
        assertEquals(List.of(0xEE), drain());
        bus.out(0x60, 1, 0xF5);
        kbc.pressKey(0x1C);
        assertEquals(List.of(0xFA), drain(), "scanning disabled: the key is not sent");
        bus.out(0x60, 1, 0x99);
        assertEquals(List.of(0xFE), drain());
    }

    @Test
    void disabledKeyboardPortHoldsBytesUntilEnabled() {
        command(0xAD);
        kbc.pressKey(0x1C);
        assertEquals(List.of(), drain());
        command(0xAE);
        assertEquals(List.of(0x1E), drain());
    }

    @Test
    void mouseThroughD4ReportsPacketsOnIrq12() {
        command(0xA8);
        command(0x60);
        bus.out(0x60, 1, 0x47);
        command(0xD4);
        bus.out(0x60, 1, 0xF2);
        assertTrue(irq12);
        assertEquals(0x21, bus.in(0x64, 1) & 0x21, "output full with mouse data");
        assertEquals(List.of(0xFA, 0x00), drain());
        command(0xD4);
        bus.out(0x60, 1, 0xF4);
        assertEquals(List.of(0xFA), drain());
        kbc.moveMouse(5, -3, 1);
        assertEquals(List.of(0x08 | 0x01 | 0x20, 5, 0xFD), drain());
        kbc.moveMouse(300, 0, 0);
        assertEquals(List.of(0x08 | 0x40, 0xFF, 0x00), drain(), "X overflow, clamped");
        command(0xD4);
        bus.out(0x60, 1, 0xE9);
        assertEquals(List.of(0xFA, 0x20, 0x02, 100), drain());
    }

    @Test
    void outputPortDrivesA20AndReset() {
        assertTrue(a20.enabled());
        command(0xD1);
        bus.out(0x60, 1, 0x01);
        assertFalse(a20.enabled());
        command(0xD0);
        assertEquals(List.of(0x01), drain());
        command(0xDF);
        assertTrue(a20.enabled());
        assertEquals(0, resets);
        command(0xFE);
        assertEquals(1, resets);
    }

    @Test
    void port92IsTheFastA20GateAndReset() {
        List<Boolean> changes = new ArrayList<>();
        a20.onChange(changes::add);
        int[] resets92 = {0};
        new SystemControlPortA(a20, () -> resets92[0]++).attach(bus);
        bus.out(0x92, 1, 0x00);
        bus.out(0x92, 1, 0x02);
        assertEquals(List.of(false, true), changes);
        assertEquals(0x02, bus.in(0x92, 1));
        bus.out(0x92, 1, 0x03);
        assertEquals(1, resets92[0]);
    }
}
