package dev.mimic.pcode.runtime;

import java.util.Arrays;

/**
 * An ordered set of store addresses (non-negative ints) as a two-level bitmap: membership in one
 * step, and the nearest member above or below an address by skipping empty 64-bit words 64 at a
 * time through a summary. The heap's free-block index changes on every new and dispose; a
 * {@code TreeSet<Integer>} there cost a boxed node and a rebalance each time, a fifth of a
 * pointer-heavy program's run.
 */
final class AddressSet {
    /** Bit {@code a & 63} of word {@code a >>> 6} is set when {@code a} is a member. */
    private long[] bits = new long[64];
    /** Bit {@code w & 63} of word {@code w >>> 6} is set when {@code bits[w]} is not zero. */
    private long[] summary = new long[1];
    private int size;
    /** The lowest and highest non-zero word of {@link #bits} while the set is not empty, so searches skip the empty ends. */
    private int low, high;

    boolean isEmpty() {
        return size == 0;
    }

    boolean contains(int a) {
        int w = a >>> 6;
        return w < bits.length && (bits[w] & (1L << a)) != 0;
    }

    void add(int a) {
        int w = a >>> 6;
        if (w >= bits.length) {
            grow(w);
        }
        if ((bits[w] & (1L << a)) == 0) {
            bits[w] |= 1L << a;
            summary[w >>> 6] |= 1L << w;
            low = size == 0 ? w : Math.min(low, w);
            high = size == 0 ? w : Math.max(high, w);
            size++;
        }
    }

    void remove(int a) {
        int w = a >>> 6;
        if (w < bits.length && (bits[w] & (1L << a)) != 0) {
            bits[w] &= ~(1L << a);
            size--;
            if (bits[w] == 0) {
                summary[w >>> 6] &= ~(1L << w);
                if (size > 0 && w == low) {
                    low = wordAtOrAbove(w + 1);
                }
                if (size > 0 && w == high) {
                    high = wordAtOrBelow(w - 1);
                }
            }
        }
    }

    void clear() {
        Arrays.fill(bits, 0);
        Arrays.fill(summary, 0);
        size = 0;
    }

    /** The largest member not above {@code a}, or -1. */
    int floor(int a) {
        if (a < 0) {
            return -1;
        }
        int w = a >>> 6;
        if (w < bits.length) {
            long below = bits[w] & (-1L >>> (63 - (a & 63)));
            if (below != 0) {
                return (w << 6) + 63 - Long.numberOfLeadingZeros(below);
            }
        }
        int v = wordAtOrBelow(Math.min(w, bits.length) - 1);
        return v < 0 ? -1 : (v << 6) + 63 - Long.numberOfLeadingZeros(bits[v]);
    }

    /** The smallest member not below {@code a}, or -1. */
    int ceiling(int a) {
        int w = Math.max(a, 0) >>> 6;
        if (w >= bits.length) {
            return -1;
        }
        long above = bits[w] & (-1L << (Math.max(a, 0) & 63));
        if (above != 0) {
            return (w << 6) + Long.numberOfTrailingZeros(above);
        }
        int v = wordAtOrAbove(w + 1);
        return v < 0 ? -1 : (v << 6) + Long.numberOfTrailingZeros(bits[v]);
    }

    /** The largest index not above {@code w} of a non-zero word of {@link #bits}, or -1. */
    private int wordAtOrBelow(int w) {
        if (size == 0 || w < low) {
            return -1;
        }
        w = Math.min(w, high);
        int s = w >>> 6;
        long m = summary[s] & (-1L >>> (63 - (w & 63)));
        while (m == 0) {
            if (--s < 0) {
                return -1;
            }
            m = summary[s];
        }
        return (s << 6) + 63 - Long.numberOfLeadingZeros(m);
    }

    /** The smallest index not below {@code w} of a non-zero word of {@link #bits}, or -1. */
    private int wordAtOrAbove(int w) {
        if (size == 0 || w > high) {
            return -1;
        }
        w = Math.max(w, low);
        int s = w >>> 6;
        long m = summary[s] & (-1L << (w & 63));
        while (m == 0) {
            if (++s >= summary.length) {
                return -1;
            }
            m = summary[s];
        }
        return (s << 6) + Long.numberOfTrailingZeros(m);
    }

    /** Makes room for word {@code w}: the bitmap doubles, in whole summary words. */
    private void grow(int w) {
        int words = Math.max(bits.length * 2, (w + 64) & ~63);
        bits = Arrays.copyOf(bits, words);
        summary = Arrays.copyOf(summary, words >>> 6);
    }
}
