// String switches, Array.Sort and List.Sort with IComparable<T> structs, static fields of generic
// classes, inner exceptions, hexadecimal formats, TryParse, char and string comparison, closures
// capturing loop variables.
using System;
using System.Collections.Generic;
struct Ver : IComparable<Ver> { public int Major, Minor; public Ver(int a, int b) { Major = a; Minor = b; }
  public int CompareTo(Ver o) { return Major != o.Major ? Major.CompareTo(o.Major) : Minor.CompareTo(o.Minor); }
  public override string ToString() { return Major + "." + Minor; } }
static class Cache<T> { public static List<T> Items = new List<T>(); }
class Miscellany {
  static string Day(string s) { switch (s) { case "mon": return "1"; case "tue": return "2"; case "wed": return "3"; case "thu": return "4"; case "fri": return "5"; case "sat": return "6"; case "sun": return "7"; default: return "?"; } }
  static int Main() {
    Console.WriteLine(Day("wed") + Day("sun") + Day("xyz"));
    int[] a = { 5, 2, 9, 1 }; Array.Sort(a); Console.WriteLine(string.Join(" ", Array.ConvertAll(a, x => x.ToString())));
    var vs = new List<Ver> { new Ver(1, 2), new Ver(0, 9), new Ver(1, 0) }; vs.Sort(); Console.WriteLine(vs[0] + " " + vs[1] + " " + vs[2]);
    Cache<int>.Items.Add(3); Cache<string>.Items.Add("x"); Console.WriteLine(Cache<int>.Items.Count + Cache<string>.Items.Count);
    try { throw new InvalidOperationException("outer", new ArgumentException("inner")); } catch (Exception e) { Console.WriteLine(e.Message + " <- " + e.InnerException.Message); }
    Console.WriteLine(255.ToString("X8") + " " + (-1).ToString("x"));
    int v; Console.WriteLine(int.TryParse("123", out v) + " " + v + " " + int.TryParse("x", out v));
    Console.WriteLine(char.IsLetter('a') + " " + char.ToUpper('b') + " " + "abc".CompareTo("abd") + " " + string.Compare("b", "a"));
    var acts = new List<Func<int>>(); for (int i = 0; i < 3; i++) { int j = i; acts.Add(() => j * j); }
    acts.ForEach(f => Console.Write(f() + ";")); Console.WriteLine();
    return 0;
  }
}
