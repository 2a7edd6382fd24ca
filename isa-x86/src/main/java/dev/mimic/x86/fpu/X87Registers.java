package dev.mimic.x86.fpu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The x87 as a debugger sees it, register by register, in the names and widths of gdb's i386
 * description: {@code st0}..{@code st7} (ST(i), the stack as it is now, 80 bits each) and the
 * control registers {@code fctrl}, {@code fstat}, {@code ftag} (the full two-bit-per-register tag
 * word), {@code fiseg}, {@code fioff}, {@code foseg}, {@code fooff}, {@code fop}. Both x86
 * machines (user mode and the PC) expose their FPU through this one mapping. This FPU does not
 * track the last instruction and operand pointers, so those read as zero, as FNSTENV stores them.
 */
public final class X87Registers {
    /** The names, in gdb's order. */
    public static final List<String> NAMES;
    private static final List<String> POINTERS = List.of("fiseg", "fioff", "foseg", "fooff", "fop");

    static {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            names.add("st" + i);
        }
        names.addAll(List.of("fctrl", "fstat", "ftag"));
        names.addAll(POINTERS);
        NAMES = Collections.unmodifiableList(names);
    }

    private X87Registers() {
    }

    /** Whether {@code name} is one of {@link #NAMES}. */
    public static boolean has(String name) {
        return NAMES.contains(name);
    }

    /** The register's value, little-endian: ten bytes for a stack register, four for the others. */
    public static byte[] read(X87 f, String name) {
        int i = stackIndex(name);
        if (i >= 0) {
            Extended v = X87.stackRegister(f, i);
            byte[] bytes = new byte[10];
            putLittleEndian(bytes, 0, 8, v.significand());
            putLittleEndian(bytes, 8, 2, v.signExponent());
            return bytes;
        }
        byte[] bytes = new byte[4];
        putLittleEndian(bytes, 0, 4, switch (name) {
            case "fctrl" -> X87.controlWord(f);
            case "fstat" -> X87.statusWord(f);
            case "ftag" -> X87.tagWord(f);
            default -> 0;
        });
        return bytes;
    }

    /**
     * Sets the register from little-endian bytes. A stack register keeps its tag (write {@code ftag} to
     * change which are empty); the pointers, which this FPU does not keep, ignore writes.
     */
    public static void write(X87 f, String name, byte[] value) {
        int i = stackIndex(name);
        if (i >= 0) {
            X87.setStackRegister(f, i, new Extended((int) littleEndian(value, 8, 2), littleEndian(value, 0, 8)));
            return;
        }
        int word = (int) littleEndian(value, 0, 2);
        switch (name) {
            case "fctrl" -> X87.setControlWord(f, word);
            case "fstat" -> X87.setStatusWord(f, word);
            case "ftag" -> X87.setTagWord(f, word);
            default -> {
            }
        }
    }

    private static int stackIndex(String name) {
        return name.length() == 3 && name.startsWith("st") && name.charAt(2) >= '0' && name.charAt(2) <= '7'
                ? name.charAt(2) - '0' : -1;
    }

    private static void putLittleEndian(byte[] bytes, int at, int length, long value) {
        for (int i = 0; i < length; i++) {
            bytes[at + i] = (byte) (value >>> 8 * i);
        }
    }

    /** The {@code length}-byte little-endian number at {@code at}; bytes past the end of {@code bytes} count as zero. */
    private static long littleEndian(byte[] bytes, int at, int length) {
        long value = 0;
        for (int i = 0; i < length && at + i < bytes.length; i++) {
            value |= (bytes[at + i] & 0xFFL) << 8 * i;
        }
        return value;
    }
}
