// decimal on mscorlib's own arithmetic (written with unmanaged pointers and explicit layouts):
// the four operations with their scales, rounding, conversions, comparisons, hashing, parsing,
// formatting, and the exceptions overflow and division by zero raise.
using System;
using System.Collections.Generic;

struct Money {
    public string Currency;
    public decimal Amount;
    public Money(string c, decimal a) { Currency = c; Amount = a; }
    public override string ToString() { return Amount.ToString("F2") + " " + Currency; }
}

class Decimals {
    static decimal Compound(decimal principal, decimal rate, int years) {
        for (int i = 0; i < years; i++) principal += decimal.Round(principal * rate, 2);
        return principal;
    }

    static int Main(string[] args) {
        decimal a = 1.10m, b = 2.25m, third = 1m / 3m;
        Console.WriteLine(a + b);
        Console.WriteLine(a * b);
        Console.WriteLine(b / 3);
        Console.WriteLine(a - b);
        Console.WriteLine(b % a);
        Console.WriteLine(third);
        Console.WriteLine(third * 3);
        Console.WriteLine(-a);
        Console.WriteLine(1.10m + 0.90m);
        Console.WriteLine(123456789012345678901234567.8m * 10);
        Console.WriteLine(0.0000000001m * 0.0000000001m);
        Console.WriteLine(Compound(1000m, 0.05m, 10));

        Console.WriteLine(decimal.Round(2.345m, 2) + " " + decimal.Round(2.355m, 2) + " " + Math.Round(2.5m) + " " + Math.Round(3.5m));
        Console.WriteLine(decimal.Round(2.345m, 2, MidpointRounding.AwayFromZero) + " " + decimal.Truncate(-7.9m) + " " + decimal.Floor(-7.1m) + " " + decimal.Ceiling(7.1m));

        Console.WriteLine((decimal) 12345.678 + " " + (decimal) 0.1f + " " + (decimal) int.MinValue + " " + (decimal) ulong.MaxValue);
        Console.WriteLine((double) b + " " + (float) third + " " + (int) (a * 10) + " " + (long) -9.99m + " " + (byte) 255.9m);
        Console.WriteLine(decimal.ToInt32(-3.7m) + " " + Convert.ToDecimal("42.50") + " " + Convert.ToInt32(2.5m) + " " + Convert.ToInt32(3.5m));

        Console.WriteLine(a.CompareTo(b) + " " + (a < b) + " " + (a >= b) + " " + a.Equals(1.1m) + " " + (a == 1.100m) + " " + decimal.Compare(-a, a));
        Console.WriteLine(Math.Max(a, b) + " " + Math.Min(a, b) + " " + Math.Abs(-b) + " " + Math.Sign(-b));
        var seen = new Dictionary<decimal, string> { { 1.5m, "one and a half" } };
        Console.WriteLine(seen[1.50m] + " " + (1.5m.GetHashCode() == 1.50m.GetHashCode()));

        Console.WriteLine(decimal.Parse("3.14159") * 2 + " " + decimal.Parse("-0.5") + " " + decimal.Parse("1000000"));
        Console.WriteLine(decimal.MaxValue + " " + decimal.MinValue + " " + decimal.One + " " + decimal.MinusOne + " " + decimal.Zero);
        Console.WriteLine(1.5m.ToString("F3") + " " + 1234567.891m.ToString("N2") + " " + 0.25m.ToString("P1") + " " + 42m.ToString("0.00"));
        Console.WriteLine(string.Format("{0:C} {1:N2} {2} {3:F0}", 1234.5m, 9876543.21m, 0.0001m, 2.5m));

        var wallet = new Money[] { new Money("EUR", 10.005m), new Money("EUR", 0.1m) };
        decimal total = 0;
        foreach (var m in wallet) total += m.Amount;
        Console.WriteLine(wallet[0] + " + " + wallet[1] + " = " + total);

        try { Console.WriteLine(decimal.MaxValue + a); } catch (OverflowException e) { Console.WriteLine(e.GetType().Name + ": " + e.Message); }
        try { Console.WriteLine(a / 0); } catch (DivideByZeroException e) { Console.WriteLine(e.GetType().Name + ": " + e.Message); }
        try { decimal big = decimal.MaxValue; Console.WriteLine((int) big); } catch (OverflowException e) { Console.WriteLine(e.GetType().Name + ": " + e.Message); }
        try { Console.WriteLine(decimal.Parse("abc")); } catch (FormatException e) { Console.WriteLine(e.GetType().Name + ": " + e.Message); }
        return (int) (total * 100) % 256;
    }
}
