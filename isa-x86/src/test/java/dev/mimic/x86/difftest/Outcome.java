package dev.mimic.x86.difftest;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The state after running a case, on the host or in Mimic: the signal (0 when the code ran to its end)
 * and the offset of the faulting instruction, EFLAGS and the general registers, and the scratch memory.
 *
 * @param registers EFLAGS, then EAX ECX EDX EBX ESP EBP ESI EDI
 */
record Outcome(int signal, int offset, int[] registers, byte[] scratch) {
    static final String[] NAMES = {"eflags", "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"};

    /** Parses a line of the native sandbox's output. */
    static Outcome parse(String line) {
        String[] f = line.trim().split(" ");
        int signal = 0;
        int offset = 0;
        if (!f[0].equals("ok")) {
            signal = Integer.parseInt(f[0].substring(0, f[0].indexOf(':')));
            offset = Integer.parseUnsignedInt(f[0].substring(f[0].indexOf(':') + 1), 16);
        }
        int[] regs = new int[9];
        for (int i = 0; i < 9; i++) {
            regs[i] = Integer.parseUnsignedInt(f[1 + i], 16);
        }
        byte[] scratch = f.length > 10 ? HexFormat.of().parseHex(f[10]) : new byte[0];
        return new Outcome(signal, offset, regs, scratch);
    }

    /** The differences from {@code other} with EFLAGS compared under {@code flagMask}, or an empty string. */
    String differences(Outcome other, int flagMask) {
        StringBuilder s = new StringBuilder();
        if (signal != other.signal || (signal != 0 && offset != other.offset)) {
            s.append(String.format("signal %d at +%x vs %d at +%x; ", signal, offset, other.signal, other.offset));
        }
        for (int i = 0; i < 9; i++) {
            int mask = i == 0 ? flagMask : -1;
            if ((registers[i] & mask) != (other.registers[i] & mask)) {
                s.append(String.format("%s %08x vs %08x; ", NAMES[i], registers[i] & mask, other.registers[i] & mask));
            }
        }
        for (int i = 0; i < Math.min(scratch.length, other.scratch.length); i++) {
            if (scratch[i] != other.scratch[i]) {
                s.append(String.format("scratch[%d] %02x vs %02x; ", i, scratch[i], other.scratch[i]));
            }
        }
        return s.toString();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(signal == 0 ? "ok" : "signal " + signal + " at +" + Integer.toHexString(offset));
        for (int i = 0; i < 9; i++) {
            s.append(' ').append(NAMES[i]).append('=').append(Integer.toHexString(registers[i]));
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Outcome other && differences(other, -1).isEmpty();
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(registers);
    }
}
