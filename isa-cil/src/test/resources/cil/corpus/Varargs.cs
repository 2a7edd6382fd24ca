// Vararg methods (C#'s __arglist: the vararg calling convention, arglist, System.ArgIterator):
// extra arguments of any type reach the callee as typed references, static and instance methods.
using System;

struct Pair { public int A, B; }

class Varargs {
    int scale = 10;

    static string Describe(int count, __arglist) {
        var it = new ArgIterator(__arglist);
        string s = count + ":" + it.GetRemainingCount();
        while (it.GetRemainingCount() > 0) {
            TypedReference r = it.GetNextArg();
            Type t = __reftype(r);
            if (t == typeof(int)) s += " int " + __refvalue(r, int);
            else if (t == typeof(string)) s += " string " + __refvalue(r, string);
            else if (t == typeof(double)) s += " double " + __refvalue(r, double);
            else if (t == typeof(Pair)) s += " pair " + __refvalue(r, Pair).A + "/" + __refvalue(r, Pair).B;
            else s += " " + t.Name;
        }
        return s;
    }

    int Scaled(__arglist) {
        var it = new ArgIterator(__arglist);
        int sum = 0;
        while (it.GetRemainingCount() > 0) sum += __refvalue(it.GetNextArg(), int);
        return sum * scale;
    }

    static int Main(string[] args) {
        Console.WriteLine(Describe(0, __arglist()));
        Console.WriteLine(Describe(3, __arglist(1, "two", 3.5)));
        Console.WriteLine(Describe(2, __arglist(new Pair { A = 4, B = 5 }, args[0], 'c')));
        int total = new Varargs().Scaled(__arglist(1, 2, 3, 4));
        Console.WriteLine(total);
        var it = new ArgIterator();
        try {
            it.GetNextArg();
        } catch (Exception e) {
            Console.WriteLine(e.GetType().Name);
        }
        return total % 256;
    }
}
