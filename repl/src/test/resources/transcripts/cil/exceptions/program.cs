using System;
class P {
    static void Boom(int n) { if (n == 0) throw new InvalidOperationException("boom"); Boom(n - 1); }
    static int After() { return 42; }
    static void Main() {
        try { Boom(2); } catch (InvalidOperationException e) { Console.WriteLine("caught " + e.Message); }
        Console.WriteLine(After());
        Boom(0);
    }
}
