class Fib {
    static int F(int n) { return n < 2 ? n : F(n - 1) + F(n - 2); }
    static int Main(string[] args) { return F(10); }
}
