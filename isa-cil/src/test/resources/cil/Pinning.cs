unsafe class Pinning {
    static int Sum(int[] a) {
        int s = 0;
        fixed (int* p = a) {
            for (int i = 0; i < a.Length; i++) s += p[i];
        }
        return s;
    }

    static int Local(int n) {
        int* block = stackalloc int[n];
        for (int i = 0; i < n; i++) block[i] = i;
        return block[n - 1];
    }

    static void Main() {
    }

    public static int Run(int rounds) {
        int total = 0;
        for (int r = 0; r < rounds; r++) {
            total += Sum(new int[] { r, 1, 2 }) + Local(1000);
            fixed (char* c = "text" + r) total += c[0];
        }
        return total;
    }
}
