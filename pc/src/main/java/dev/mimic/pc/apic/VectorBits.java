package dev.mimic.pc.apic;

import java.util.Arrays;

/**
 * A set of the 256 interrupt vectors, as the local APIC's IRR, ISR and TMR hold them (SDM vol. 3
 * 10.8.4): eight 32-bit registers, bit {@code v % 32} of register {@code v / 32} standing for vector v.
 */
final class VectorBits {
    private final int[] words = new int[8];

    void set(int vector, boolean on) {
        int bit = 1 << (vector & 31);
        words[vector >>> 5] = on ? words[vector >>> 5] | bit : words[vector >>> 5] & ~bit;
    }

    boolean contains(int vector) {
        return (words[vector >>> 5] & 1 << (vector & 31)) != 0;
    }

    /** The highest vector in the set, or -1 when it is empty. */
    int highest() {
        for (int i = words.length - 1; i >= 0; i--) {
            if (words[i] != 0) {
                return i << 5 | 31 - Integer.numberOfLeadingZeros(words[i]);
            }
        }
        return -1;
    }

    /** Register {@code index} (0-7), vectors 32 * index to 32 * index + 31. */
    int word(int index) {
        return words[index];
    }

    void clear() {
        Arrays.fill(words, 0);
    }

    int[] words() {
        return words;
    }
}
