// Static methods over one-dimensional arrays of primitives and of arrays, and a switch.
class Arrays {
    static int SortAndCheck(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = (i * 7919) % n;
        for (int i = 0; i < a.Length; i++)
            for (int j = 0; j + 1 < a.Length - i; j++)
                if (a[j] > a[j + 1]) { int t = a[j]; a[j] = a[j + 1]; a[j + 1] = t; }
        for (int i = 1; i < a.Length; i++) if (a[i - 1] > a[i]) return -1;
        return a[n - 1];
    }

    static int Bytes(int x) {
        byte[] b = new byte[2];
        b[0] = (byte) x;
        b[1] = (byte) (b[0] + 100);
        sbyte[] s = new sbyte[1];
        s[0] = (sbyte) -x;
        ushort[] u = new ushort[1];
        u[0] = (ushort) -x;
        return b[0] + b[1] + s[0] + u[0];
    }

    static long Jagged(int n) {
        long[][] rows = new long[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new long[i + 1];
            for (int j = 0; j <= i; j++) rows[i][j] = (long) i * j;
        }
        long s = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < rows[i].Length; j++) s += rows[i][j];
        return s;
    }

    static int Classify(int x) {
        switch (x) {
            case 0: return 10;
            case 1: return 20;
            case 2: return 30;
            case 4: return 50;
            default: return -1;
        }
    }

    static int Main() {
        return SortAndCheck(50) + Bytes(200) + (int) Jagged(10) + Classify(2) + Classify(3) + Classify(4);
    }
}
