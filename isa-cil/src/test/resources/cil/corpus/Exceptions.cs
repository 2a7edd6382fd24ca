// try/catch/finally, nested handlers, filters, rethrow, leave through several finally blocks,
// exceptions from the runtime (division, null, array bounds, casts) and from user code.
using System;

class MyError : Exception {
    public int Code;
    public MyError(string message, int code) : base(message) { Code = code; }
}

class Exceptions {
    static int log;
    static int minusOne = -1;

    static int Nested(int x) {
        int r = 0;
        try {
            try {
                if (x == 1) throw new MyError("one", 11);
                if (x == 2) throw new InvalidOperationException("two");
                r = 100;
            } finally {
                log++;
                Console.WriteLine("inner finally " + x);
            }
        } catch (MyError e) when (e.Code > 10) {
            Console.WriteLine("filtered " + e.Message + " " + e.Code);
            r = e.Code;
        } catch (Exception e) {
            Console.WriteLine("general " + e.Message);
            r = -1;
        } finally {
            Console.WriteLine("outer finally " + x);
        }
        return r;
    }

    static void Rethrow() {
        try {
            throw new ArgumentException("original");
        } catch (ArgumentException) {
            Console.WriteLine("rethrowing");
            throw;
        }
    }

    static int LeaveLoop() {
        int total = 0;
        for (int i = 0; i < 5; i++) {
            try {
                if (i == 3) break;
                total += i;
            } finally {
                total += 10;
            }
        }
        return total;
    }

    static int Main() {
        for (int x = 0; x < 3; x++) Console.WriteLine(Nested(x));
        try { Rethrow(); } catch (Exception e) { Console.WriteLine("caught " + e.Message); }
        Console.WriteLine(LeaveLoop());
        int zero = 0;
        try { Console.WriteLine(1 / zero); } catch (DivideByZeroException e) { Console.WriteLine(e.Message); }
        try { Console.WriteLine(int.MinValue / minusOne); } catch (OverflowException e) { Console.WriteLine(e.Message); }
        int[] a = new int[3];
        try { a[3] = 1; } catch (IndexOutOfRangeException e) { Console.WriteLine(e.Message); }
        string s = null;
        try { Console.WriteLine(s.Length); } catch (NullReferenceException) { Console.WriteLine("null"); }
        object o = "text";
        try { Console.WriteLine((MyError) o); } catch (InvalidCastException e) { Console.WriteLine(e.Message); }
        try {
            checked { int big = int.MaxValue; big += a.Length; Console.WriteLine(big); }
        } catch (OverflowException) { Console.WriteLine("checked overflow"); }
        try { throw new MyError("custom", 3); } catch (Exception e) { Console.WriteLine(e.GetType().Name + " " + e.Message); }
        Console.WriteLine(log);
        return log;
    }
}
