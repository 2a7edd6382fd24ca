package dev.mimic.x86.protect;

import dev.mimic.x86.decode.DecodedInsn;

/**
 * A stack that far transfers push to and pop from: a base, a 16- or 32-bit stack pointer, and the
 * pointer's value, kept apart from ESP until {@link #commit} so that a fault midway changes nothing.
 */
final class Stack {
    private final Cpu cpu;
    private final int base;
    private final boolean big;
    private int sp;

    Stack(Cpu cpu, int base, boolean big, int sp) {
        this.cpu = cpu;
        this.base = base;
        this.big = big;
        this.sp = sp;
    }

    /** The current stack: SS and eSP. */
    static Stack current(Cpu cpu) {
        return new Stack(cpu, cpu.base(DecodedInsn.SS), cpu.stack32(), cpu.gpr(4));
    }

    private long at() {
        return (base + (big ? sp : sp & 0xFFFF)) & 0xFFFF_FFFFL;
    }

    void push(int bytes, int value) {
        sp -= bytes;
        if (bytes == 4) {
            cpu.memory.store32(at(), value);
        } else {
            cpu.memory.store16(at(), value);
        }
    }

    int pop(int bytes) {
        int v = bytes == 4 ? cpu.memory.load32(at()) : cpu.memory.load16(at());
        sp += bytes;
        return v;
    }

    /** Reads {@code bytes} at {@code offset} above the pointer without popping. */
    int peek(int bytes, int offset) {
        long a = (base + (big ? sp + offset : sp + offset & 0xFFFF)) & 0xFFFF_FFFFL;
        return bytes == 4 ? cpu.memory.load32(a) : cpu.memory.load16(a);
    }

    void release(int bytes) {
        sp += bytes;
    }

    int sp() {
        return sp;
    }

    /** Writes the pointer to ESP (SP only, for a 16-bit stack). */
    void commit() {
        cpu.setGpr(4, big ? sp : cpu.gpr(4) & 0xFFFF_0000 | sp & 0xFFFF);
    }
}
