package dev.mimic.x86.decode;

/** The sixteen condition codes (tttn, SDM vol. 2 B.1.4.7) by number: odd numbers negate the even one before. */
public final class Conditions {
    private static final String[] SUFFIX = {"o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"};

    private Conditions() {
    }

    /** The mnemonic suffix of condition {@code cc}: {@code e} for 4. */
    public static String suffix(int cc) {
        return SUFFIX[cc & 15];
    }
}
