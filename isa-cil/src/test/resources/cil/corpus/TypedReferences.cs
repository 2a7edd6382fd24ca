// Typed references (__makeref, __refvalue, __reftype: mkrefany, refanyval, refanytype): a location
// and its type travel together, are written through, checked on use, and passed by value.
using System;

struct Point { public int X, Y; }

class TypedReferences {
    static string Describe(TypedReference r) {
        Type t = __reftype(r);
        if (t == typeof(int)) return "int " + __refvalue(r, int);
        if (t == typeof(string)) return "string " + __refvalue(r, string);
        if (t == typeof(Point)) return "point " + __refvalue(r, Point).X + "," + __refvalue(r, Point).Y;
        return "other " + t;
    }

    static void Bump(TypedReference r) {
        __refvalue(r, int) += 100;
    }

    static int Main(string[] args) {
        int x = 5;
        TypedReference r = __makeref(x);
        __refvalue(r, int) = 42;
        Console.WriteLine(x + " " + Describe(r));
        Bump(r);
        Console.WriteLine(x);

        string s = args.Length > 0 ? args[0] : "none";
        Console.WriteLine(Describe(__makeref(s)));

        Point p = new Point { X = 1, Y = 2 };
        TypedReference pr = __makeref(p);
        __refvalue(pr, Point).X = 10;
        Console.WriteLine(Describe(pr) + " " + p.X);

        int[] numbers = { 1, 2, 3 };
        TypedReference element = __makeref(numbers[1]);
        __refvalue(element, int) *= 7;
        Console.WriteLine(string.Join(",", numbers) + " " + __reftype(element).Name);

        double d = 2.5;
        Console.WriteLine(Describe(__makeref(d)));
        try {
            Console.WriteLine(__refvalue(pr, int));
        } catch (InvalidCastException e) {
            Console.WriteLine(e.GetType().Name);
        }
        return x % 256;
    }
}
