// More of the class library through mscorlib and System.Core: LINQ over arrays and lists (arrays
// as IEnumerable<T>), generic virtual methods, Nullable<T> boxing, String.Split, custom and
// standard numeric formats, exceptions leaving finally blocks.
using System;
using System.Collections.Generic;
using System.Linq;

abstract class Animal {
    public abstract T Accept<T>(Func<Animal, T> f);
    public virtual string Sound() { return "?"; }
}

class Cat : Animal {
    public override T Accept<T>(Func<Animal, T> f) { return f(this); }
    public override string Sound() { return "meow"; }
}

class Library {
    static int Main() {
        int[] xs = { 5, 3, 8, 1, 9, 2 };
        var tens = xs.Where(x => x % 2 == 0).Select(x => x * 10).ToList();
        Console.WriteLine(string.Join(",", tens.Select(e => e.ToString()).ToArray()));
        Console.WriteLine(xs.Sum() + " " + xs.Max() + " " + xs.OrderBy(x => x).First() + " " + xs.Count(x => x > 4));
        IList<int> list = xs;
        Console.WriteLine(list[2] + " " + list.Count + " " + list.IndexOf(9));
        Animal a = new Cat();
        Console.WriteLine(a.Accept(an => an.Sound().Length) + " " + a.Accept(an => an.Sound()));
        int? n = 5;
        object boxed = n;
        Console.WriteLine(boxed + " " + (boxed is int));
        int? none = null;
        object nothing = none;
        Console.WriteLine(nothing == null);
        int? back = (int?) boxed;
        Console.WriteLine(back.Value + 1);
        Console.WriteLine("a,b,,c".Split(',').Length + " " + "a b  c".Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries).Length);
        try {
            try { throw new Exception("inner"); } finally { Console.WriteLine("finally runs first"); }
        } catch (Exception e) { Console.WriteLine(e.Message); }
        var groups = new Dictionary<int, List<string>>();
        foreach (string w in new[] { "one", "two", "three", "four", "five", "six" }) {
            List<string> g;
            if (!groups.TryGetValue(w.Length, out g)) groups[w.Length] = g = new List<string>();
            g.Add(w);
        }
        Console.WriteLine(groups[3].Count + " " + groups[4][1] + " " + groups[5][0]);
        double[] values = { 2.5, -2.5, 0.5, 1.5, -0.5, 2.675, 1e16 + 1 };
        foreach (double d in values)
            Console.WriteLine(Math.Round(d) + " " + d.ToString("0.00") + " " + d.ToString("#.#") + " " + d.ToString("F1") + " " + d.ToString("N2"));
        Console.WriteLine(string.Format("{0:0.000} {1:#,##0} {2:00} {3:P1} {4:E3}", 1.0005, 1234567, 7, 0.256, 12345.678));
        return xs.Sum();
    }
}
