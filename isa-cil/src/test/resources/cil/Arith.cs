// Static methods over integers: recursion, loops, locals, int64, unsigned and small types.
class Arith {
    static int Fib(int n) { return n < 2 ? n : Fib(n - 1) + Fib(n - 2); }

    static long SumSquares(int n) {
        long s = 0;
        for (int i = 1; i <= n; i++) s += (long) i * i;
        return s;
    }

    static int Gcd(int a, int b) {
        while (b != 0) { int t = a % b; a = b; b = t; }
        return a;
    }

    static int CountPrimes(int limit) {
        int count = 0;
        for (int n = 2; n < limit; n++) {
            bool prime = true;
            for (int d = 2; d * d <= n; d++) {
                if (n % d == 0) { prime = false; break; }
            }
            if (prime) count++;
        }
        return count;
    }

    static uint Hash(uint x) {
        x ^= x >> 16;
        x *= 0x45d9f3b;
        x ^= x >> 16;
        return x;
    }

    static int Wrap(int x) { byte b = (byte) x; sbyte c = (sbyte) x; return b * 1000 + c; }

    static int Main() {
        return Fib(20) + Gcd(1071, 462) + CountPrimes(1000) + (int) (SumSquares(1000) % 1000) + Wrap(200);
    }
}
