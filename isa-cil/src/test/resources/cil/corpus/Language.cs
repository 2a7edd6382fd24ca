// C# language features as mcs compiles them: enums, switch on strings, iterators (yield),
// properties, params arrays, nullable values, using/IDisposable, static constructor order,
// interfaces on structs, foreach over arrays, char arithmetic and long loops.
using System;
using System.Collections.Generic;

enum Color { Red, Green = 5, Blue }

interface IGreeter { string Greet(); }
struct Friendly : IGreeter { public string Name; public string Greet() { return "hi " + Name; } }

class Resource : IDisposable {
    string name;
    public Resource(string n) { name = n; Console.WriteLine("open " + n); }
    public void Dispose() { Console.WriteLine("close " + name); }
}

class Lazy {
    public static int Value = Compute();
    static int Compute() { Console.WriteLine("Lazy initialised"); return 42; }
}

class Eager {
    public static int Value;
    static Eager() { Console.WriteLine("Eager cctor"); Value = 7; }
    public static int Get() { return Value; }
}

class Language {
    int size;
    public int Size { get { return size; } set { size = value < 0 ? 0 : value; } }
    public string Label { get; set; }

    static IEnumerable<int> Evens(int limit) {
        for (int i = 0; i < limit; i += 2) yield return i;
    }

    static int Sum(params int[] values) { int s = 0; foreach (int v in values) s += v; return s; }

    static string Kind(string s) {
        switch (s) {
            case "apple": case "pear": return "fruit";
            case "carrot": return "vegetable";
            default: return "unknown";
        }
    }

    static int Main() {
        Color c = Color.Blue;
        Console.WriteLine((int) c + " " + (c == Color.Blue) + " " + (int) Color.Green);
        Console.WriteLine(c + " " + Color.Red + " " + (Color) 5 + " " + (Color) 42);
        Console.WriteLine(Console.ReadLine() == null);
        foreach (string s in new[] { "apple", "carrot", "stone", "pear" }) Console.WriteLine(s + " " + Kind(s));
        int total = 0;
        foreach (int e in Evens(10)) total += e;
        Console.WriteLine(total);
        Console.WriteLine(Sum() + " " + Sum(1) + " " + Sum(1, 2, 3, 4));
        Language l = new Language();
        l.Size = -4;
        l.Label = "box";
        Console.WriteLine(l.Size + " " + l.Label);
        int? maybe = null;
        Console.WriteLine(maybe.HasValue + " " + maybe.GetValueOrDefault(9));
        maybe = 3;
        Console.WriteLine(maybe.HasValue + " " + maybe.Value + " " + (maybe ?? 0));
        using (Resource r = new Resource("file")) { Console.WriteLine("using"); }
        Console.WriteLine("before statics");
        Console.WriteLine(Eager.Get());
        Console.WriteLine(Lazy.Value);
        IGreeter g = new Friendly { Name = "bob" };
        Console.WriteLine(g.Greet());
        char ch = 'a';
        ch++;
        Console.WriteLine(ch + " " + (int) ch + " " + char.IsDigit('5') + " " + (char) (ch + 1));
        long acc = 0;
        for (long i = 0; i < 100000; i++) acc += i * i % 7;
        Console.WriteLine(acc);
        int[,] grid = new int[3, 4];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) grid[i, j] = i * j;
        Console.WriteLine(grid[2, 3] + " " + grid.Length + " " + grid.GetLength(1));
        return (int) (acc % 100);
    }
}
