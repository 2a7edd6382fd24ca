// Delegates: static and instance methods, closures over locals, multicast with += and -=,
// events, virtual methods through ldvirtftn, and the generic Func and Action types.
using System;

delegate int BinOp(int a, int b);
delegate void Notify(string message);

class Counter {
    int count;
    public event Notify Changed;
    public void Add(int n) { count += n; if (Changed != null) Changed("count is " + count); }
}

class Base { public virtual string Who() { return "base"; } }
class Derived : Base { public override string Who() { return "derived"; } }

class Delegates {
    static int Add(int a, int b) { return a + b; }
    int factor = 3;
    int Scale(int a, int b) { return (a + b) * factor; }
    static void Shout(string s) { Console.WriteLine(s.ToUpper()); }
    static void Whisper(string s) { Console.WriteLine(s.ToLower()); }

    static int Apply(Func<int, int> f, int x) { return f(x); }

    static int Main() {
        BinOp op = Add;
        Console.WriteLine(op(2, 3));
        op = new Delegates().Scale;
        Console.WriteLine(op(2, 3));
        int captured = 10;
        Func<int, int> addCaptured = x => x + captured;
        captured = 20;
        Console.WriteLine(addCaptured(1));
        Console.WriteLine(Apply(x => x * x, 7));
        Notify n = Shout;
        n += Whisper;
        n += Shout;
        n("Multi Cast");
        n -= Shout;
        n("Removed One");
        Counter c = new Counter();
        c.Changed += m => Console.WriteLine("event: " + m);
        c.Add(5);
        c.Add(2);
        Base b = new Derived();
        Func<string> who = b.Who;
        Console.WriteLine(who());
        Action<string, int> show = (s, i) => Console.WriteLine(s + i);
        show("value ", 42);
        int total = 0;
        Action<int> accumulate = v => total += v;
        for (int i = 1; i <= 4; i++) accumulate(i);
        Console.WriteLine(total);
        return total;
    }
}
