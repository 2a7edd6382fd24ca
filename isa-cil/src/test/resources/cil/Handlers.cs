using System;
using System.Collections.Generic;
class Handlers {
    static int Count;
    static int Guarded(int x) {
        try {
            try { if (x == 0) throw new InvalidOperationException("zero"); Count++; }
            catch (InvalidOperationException) { return -1; }
            catch (Exception e) when (e.Message.Length > 3) { return -2; }
        } finally { Count--; }
        return x;
    }
    static T First<T>(List<T> list) { foreach (var t in list) return t; return default(T); }
    static int Main() {
        int[,] grid = new int[2, 3];
        var list = new List<string> { "a" };
        Console.WriteLine(First(list) + grid.Length + "\u00e9");
        return Guarded(3);
    }
}
