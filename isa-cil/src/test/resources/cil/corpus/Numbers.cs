// Integer and floating-point arithmetic, unsigned operations, conversions, checked arithmetic
// and the formatting of numbers by Console.WriteLine and String.Format.
using System;

class Numbers {
    static int Main(string[] args) {
        int i = 7; long l = -123456789012L; uint u = 4000000000u; ulong ul = 18000000000000000000ul;
        double d = 1.0 / 3; float f = 2.5f;
        Console.WriteLine(i); Console.WriteLine(l); Console.WriteLine(u); Console.WriteLine(ul);
        Console.WriteLine(d); Console.WriteLine(f); Console.WriteLine(0.1 + 0.2);
        Console.WriteLine(1e20); Console.WriteLine(1e-7); Console.WriteLine(123456789012345.0);
        Console.WriteLine(1234567890123456.0); Console.WriteLine(-0.0); Console.WriteLine(double.NaN);
        Console.WriteLine(1.0 / 0); Console.WriteLine(-1.0 / 0); Console.WriteLine(100.0);
        Console.WriteLine(u / 3 + " " + u % 7 + " " + (u >> 4));
        int big = 300, neg = -1;
        Console.WriteLine((byte) big + " " + (sbyte) (big - 100) + " " + (short) (big * 1000) + " " + (ushort) neg);
        Console.WriteLine((int) 3.99 + " " + (int) -3.99 + " " + (long) 1e18);
        Console.WriteLine((char) 65 + "" + (char) ('a' + 2));
        Console.WriteLine(-7 / 2 + " " + -7 % 2 + " " + (-7 >> 1));
        Console.WriteLine(String.Format("[{0,5}] [{1,-5}] [{2:F2}] [{3:X}] [{4:D5}] [{5:N2}]", 42, 7, 3.14159, 255, 12, 1234567.891));
        Console.WriteLine("{0} {1} {2}", true, 'c', 2.5f);
        Console.WriteLine(i.ToString() + l.ToString() + d.ToString());
        try { checked { Console.WriteLine((byte) (i * 100)); } } catch (OverflowException) { Console.WriteLine("byte overflow"); }
        try { checked { Console.WriteLine((uint) (i - 8)); } } catch (OverflowException) { Console.WriteLine("uint overflow"); }
        try { checked { Console.WriteLine(l * l); } } catch (OverflowException) { Console.WriteLine("long overflow"); }
        double huge = 1e10;
        try { checked { Console.WriteLine((int) huge); } } catch (OverflowException) { Console.WriteLine("double overflow"); }
        Console.WriteLine(unchecked(int.MaxValue + i));
        Console.WriteLine(Math.Sqrt(2) + " " + Math.Abs(-5) + " " + Math.Max(3, 9) + " " + Math.Floor(-2.5));
        Console.WriteLine(int.Parse("1234") + 1);
        return args.Length;
    }
}
