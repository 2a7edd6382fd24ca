// An exception nobody catches: mono reports it on standard error and exits with status 1,
// after running the finally blocks on the way out.
using System;

class Unhandled {
    static void Fail(int depth) {
        if (depth == 0) throw new InvalidOperationException("nobody catches this");
        try { Fail(depth - 1); } finally { Console.WriteLine("unwinding " + depth); }
    }

    static int Main() {
        Console.WriteLine("before");
        Fail(3);
        Console.WriteLine("after");
        return 0;
    }
}
