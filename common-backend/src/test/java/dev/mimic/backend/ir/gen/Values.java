package dev.mimic.backend.ir.gen;

/** Edge values generated constants are drawn from most of the time. */
final class Values {
    private Values() {
    }

    static final int[] I32 = {0, 1, -1, 2, 3, 7, 31, 32, 33, 63, 64, 0x7F, 0x80, 0xFF, -128,
            Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1, 0x10000, 250};
    static final long[] I64 = {0, 1, -1, 2, 7, 31, 32, 63, 64, 65, 0xFF, 200, Long.MIN_VALUE, Long.MAX_VALUE,
            0xFFFF_FFFFL, 0x8000_0000L, -0x8000_0000L, 1L << 32, Integer.MIN_VALUE, Integer.MAX_VALUE};
    static final double[] F64 = {0.0, -0.0, 1.0, -1.5, 0.5, Double.NaN, Double.longBitsToDouble(0x7ff8_0000_0000_0123L),
            Double.longBitsToDouble(0xfff8_0000_0000_0000L), Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 2147483648.0, -2147483649.0, 9.3e18, -9.3e18, 1e-300, 3.75};
}
