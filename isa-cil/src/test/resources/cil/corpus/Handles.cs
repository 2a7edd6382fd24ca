using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

// The runtime's object tables: GC handles, ConditionalWeakTable (mono's ephemerons) and the
// interlocked exchanges, each checked by what a program can see of them.
class Handles {
    class Box { public int V; public Box(int v) { V = v; } }

    static IntPtr handle = new IntPtr(5);
    static int counter = 7;
    static string text = "old";

    static void Main() {
        var b = new Box(42);
        GCHandle h = GCHandle.Alloc(b);
        Console.WriteLine(h.IsAllocated + " " + ((Box) h.Target).V + " " + (h.Target == b));
        h.Target = new Box(9);
        Console.WriteLine(((Box) h.Target).V);
        h.Free();
        Console.WriteLine(h.IsAllocated);
        GCHandle w = GCHandle.Alloc(b, GCHandleType.Weak);
        Console.WriteLine(((Box) w.Target).V);
        w.Free();

        var table = new ConditionalWeakTable<Box, string>();
        var k1 = new Box(1);
        var k2 = new Box(2);
        table.Add(k1, "one");
        table.Add(k2, "two");
        string s;
        Console.WriteLine(table.TryGetValue(k1, out s) + " " + s + " " + table.TryGetValue(new Box(1), out s));
        table.Remove(k1);
        Console.WriteLine(table.TryGetValue(k1, out s) + " " + table.GetValue(k2, k => "new") + " " + table.GetValue(k1, k => "again"));
        Console.WriteLine(RuntimeHelpers.GetHashCode(k1) == RuntimeHelpers.GetHashCode(k1));

        Console.WriteLine(Interlocked.Exchange(ref handle, new IntPtr(8)).ToInt64() + " " + handle.ToInt64());
        Console.WriteLine(Interlocked.Exchange(ref counter, -3) + " " + counter);
        Console.WriteLine(Interlocked.Exchange(ref text, "new") + " " + text);
    }
}
