package dev.mimic.x86.fpu;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The extended arithmetic against exact rational results rounded by a reference rounder written with
 * BigInteger (for every precision control and rounding mode), and against Java's doubles when the
 * precision is 53 bits and the operands are doubles.
 */
class ExtendedMathProperties {
    private static final Integer[] PRECISION_CONTROL = {0, 2, 3};

    @Property(tries = 3000)
    void addSubtractMultiplyDivideSqrt_matchTheExactResultRounded(@ForAll("numbers") Extended a, @ForAll("numbers") Extended b,
                                                                   @ForAll("controls") int control) {
        for (int op = 0; op < 5; op++) {
            Rounding r = new Rounding(control);
            Extended actual = switch (op) {
                case 0 -> ExtendedMath.add(a, b, false, r);
                case 1 -> ExtendedMath.add(a, b, true, r);
                case 2 -> ExtendedMath.multiply(a, b, r);
                case 3 -> ExtendedMath.divide(a, b, r);
                default -> ExtendedMath.sqrt(a.abs(), r);
            };
            Reference expected = switch (op) {
                case 0 -> Reference.of(Fraction.of(a).plus(Fraction.of(b)), control);
                case 1 -> Reference.of(Fraction.of(a).plus(Fraction.of(b.negate())), control);
                case 2 -> Reference.of(Fraction.of(a).times(Fraction.of(b)), control);
                case 3 -> Reference.of(Fraction.of(a).dividedBy(Fraction.of(b)), control);
                default -> Reference.sqrt(Fraction.of(a.abs()), control);
            };
            String what = "op " + op + " of " + a + ", " + b + " under " + Integer.toHexString(control);
            assertEquals(expected.value(), actual, what);
            assertEquals(expected.inexact(), (r.flags() & Rounding.PE) != 0, what + ": precision exception");
            assertEquals(expected.roundedUp(), r.roundedUp(), what + ": C1");
        }
    }

    @Property(tries = 3000)
    void withDoublePrecision_doubleOperandsGiveJavasDoubleResults(@ForAll double x, @ForAll double y) {
        Rounding r = new Rounding(0x27F);
        Extended a = Extended.ofDouble(Double.doubleToRawLongBits(x));
        Extended b = Extended.ofDouble(Double.doubleToRawLongBits(y));
        double[] expected = {x + y, x - y, x * y, x / y, Math.sqrt(Math.abs(x))};
        Extended[] actual = {ExtendedMath.add(a, b, false, r), ExtendedMath.add(a, b, true, r), ExtendedMath.multiply(a, b, r),
            ExtendedMath.divide(a, b, r), ExtendedMath.sqrt(a.abs(), r)};
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i]) || Math.abs(expected[i]) < Double.MIN_NORMAL || Double.isInfinite(expected[i])) {
                continue; // NaN payloads and the extended exponent range differ from Java's by design
            }
            long bits = ExtendedMath.toDouble(actual[i], new Rounding(0x27F));
            assertEquals(Double.doubleToRawLongBits(expected[i]), bits, "op " + i + " of " + x + ", " + y);
        }
    }

    @Property(tries = 2000)
    void integerRounding_matchesTheModes(@ForAll double x) {
        Extended a = Extended.ofDouble(Double.doubleToRawLongBits(x));
        double[] expected = {Math.rint(x), Math.floor(x), Math.ceil(x), x < 0 ? Math.ceil(x) : Math.floor(x)};
        for (int mode = 0; mode < 4; mode++) {
            if (!Double.isFinite(x)) {
                continue;
            }
            Extended actual = ExtendedMath.roundToInteger(a, new Rounding(0x37F | mode << 10));
            assertEquals(Double.doubleToRawLongBits(expected[mode]), ExtendedMath.toDouble(actual, new Rounding(0x37F)), "mode " + mode);
        }
    }

    @Provide
    Arbitrary<Extended> numbers() {
        Arbitrary<Integer> exponents = Arbitraries.integers().between(Extended.BIAS - 200, Extended.BIAS + 200);
        Arbitrary<Long> significands = Arbitraries.oneOf(Arbitraries.longs().map(v -> v | Long.MIN_VALUE),
                Arbitraries.longs().between(0, 0xFFFF).map(v -> Long.MIN_VALUE | v << 40),
                Arbitraries.of(Long.MIN_VALUE, -1L, Long.MIN_VALUE | 1, 0xC000_0000_0000_0000L));
        return Combinators.combine(Arbitraries.of(0, 0x8000), exponents, significands)
                .as((sign, exponent, significand) -> new Extended(sign | exponent, significand));
    }

    @Provide
    Arbitrary<Integer> controls() {
        return Combinators.combine(Arbitraries.of(PRECISION_CONTROL), Arbitraries.integers().between(0, 3))
                .as((pc, rc) -> 0x7F | pc << 8 | rc << 10);
    }

    /** A nonnegative exact rational {@code numerator / denominator × 2^scale}, with a sign. */
    private record Fraction(boolean negative, BigInteger numerator, BigInteger denominator, int scale) {
        static Fraction of(Extended x) {
            BigInteger significand = new BigInteger(Long.toUnsignedString(x.significand()));
            return new Fraction(x.negative(), significand, BigInteger.ONE, x.exponentField() - Extended.BIAS - 63);
        }

        private BigInteger signed() {
            return negative ? numerator.negate() : numerator;
        }

        Fraction plus(Fraction o) {
            int s = Math.min(scale, o.scale);
            BigInteger sum = signed().multiply(o.denominator).shiftLeft(scale - s)
                    .add(o.signed().multiply(denominator).shiftLeft(o.scale - s));
            return new Fraction(sum.signum() < 0, sum.abs(), denominator.multiply(o.denominator), s);
        }

        Fraction times(Fraction o) {
            return new Fraction(negative ^ o.negative, numerator.multiply(o.numerator), denominator.multiply(o.denominator), scale + o.scale);
        }

        Fraction dividedBy(Fraction o) {
            return new Fraction(negative ^ o.negative, numerator.multiply(o.denominator), denominator.multiply(o.numerator), scale - o.scale);
        }
    }

    /** The reference rounding: the value, whether it is inexact and whether it was rounded away from zero. */
    private record Reference(Extended value, boolean inexact, boolean roundedUp) {
        static Reference of(Fraction f, int control) {
            if (f.numerator().signum() == 0) {
                boolean negative = (control >>> 10 & 3) == Rounding.DOWN;
                return new Reference(Extended.zero(negative), false, false);
            }
            int p = new Rounding(control).precision();
            // the exponent e with 2^e <= n/d < 2^(e+1)
            BigInteger n0 = f.numerator();
            BigInteger d0 = f.denominator();
            int e = n0.bitLength() - d0.bitLength();
            if (e >= 0 ? n0.compareTo(d0.shiftLeft(e)) < 0 : n0.shiftLeft(-e).compareTo(d0) < 0) {
                e--;
            }
            int shift = p - 1 - e;
            BigInteger n = shift >= 0 ? f.numerator().shiftLeft(shift) : f.numerator();
            BigInteger d = shift >= 0 ? f.denominator() : f.denominator().shiftLeft(-shift);
            BigInteger[] qr = n.divideAndRemainder(d);
            int half = qr[1].shiftLeft(1).compareTo(d);
            return finish(f.negative(), qr[0], half, qr[1].signum() != 0, e + f.scale(), p, control);
        }

        static Reference sqrt(Fraction f, int control) {
            int p = new Rounding(control).precision();
            BigInteger n = f.numerator();
            int scale = f.scale();
            if ((scale & 1) != 0) {
                n = n.shiftLeft(1);
                scale--;
            }
            n = n.shiftLeft(2 * (p + 2));
            scale -= 2 * (p + 2);
            BigInteger root = n.sqrt();
            int extra = root.bitLength() - p;
            BigInteger q = root.shiftRight(extra);
            BigInteger rest = root.subtract(q.shiftLeft(extra));
            BigInteger halfway = BigInteger.ONE.shiftLeft(extra - 1);
            boolean exact = root.multiply(root).equals(n);
            int half = rest.compareTo(halfway) != 0 ? rest.compareTo(halfway) : exact ? 0 : 1;
            boolean inexact = rest.signum() != 0 || !exact;
            return finish(false, q, half, inexact, root.bitLength() - 1 + scale / 2, p, control);
        }

        /** Rounds the p-bit {@code q} (value q × 2^(exponent - p + 1)) by the discarded part's comparison with one half. */
        private static Reference finish(boolean negative, BigInteger q, int half, boolean inexact, int exponent, int p, int control) {
            boolean up = switch (control >>> 10 & 3) {
                case Rounding.NEAREST -> half > 0 || half == 0 && q.testBit(0);
                case Rounding.DOWN -> negative && inexact;
                case Rounding.UP -> !negative && inexact;
                default -> false;
            };
            if (up) {
                q = q.add(BigInteger.ONE);
                if (q.bitLength() > p) {
                    q = q.shiftRight(1);
                    exponent++;
                }
            }
            long significand = q.longValue() << 64 - p;
            return new Reference(new Extended((negative ? 0x8000 : 0) | exponent + Extended.BIAS, significand), inexact, inexact && up);
        }
    }
}
