// Value types: copy on assignment, on argument passing and on boxing; methods that mutate
// through this; arrays of structs; nested structs; ref and out parameters.
using System;

struct Vec {
    public double X, Y;
    public Vec(double x, double y) { X = x; Y = y; }
    public void Scale(double f) { X *= f; Y *= f; }
    public double Dot(Vec o) { return X * o.X + Y * o.Y; }
    public override string ToString() { return "(" + X + ", " + Y + ")"; }
}

struct Line { public Vec From, To; }

class Structs {
    static Vec s1, s2;
    static void Bump(Vec v) { v.X = 100; }
    static void BumpRef(ref Vec v) { v.X = 100; }
    static void Swap(ref int a, ref int b) { int t = a; a = b; b = t; }
    static bool Divide(int a, int b, out int q, out int r) { q = a / b; r = a % b; return b != 0; }

    static int Main() {
        Vec a = new Vec(1, 2);
        Vec b = a;
        b.Scale(3);
        Console.WriteLine(a + " " + b);
        Bump(a);
        Console.WriteLine(a.X);
        BumpRef(ref a);
        Console.WriteLine(a.X);
        Console.WriteLine(a.Dot(b));
        object boxed = a;
        a.X = -1;
        Console.WriteLine(((Vec) boxed).X + " " + a.X);
        Vec[] vs = new Vec[3];
        vs[1].X = 5;
        vs[2] = new Vec(7, 8);
        vs[2].Scale(2);
        foreach (Vec v in vs) Console.WriteLine(v);
        Line l = new Line();
        l.To.Y = 9;
        Line m = l;
        m.To.Y = 1;
        Console.WriteLine(l.To.Y + " " + m.To.Y);
        int x = 1, y = 2;
        Swap(ref x, ref y);
        Console.WriteLine(x + " " + y);
        int q, r;
        Divide(17, 5, out q, out r);
        Console.WriteLine(q + " " + r);
        int[] arr = { 1, 2, 3 };
        Swap(ref arr[0], ref arr[2]);
        Console.WriteLine(arr[0] + " " + arr[2]);
        s1 = s2 = new Vec(2, 2);
        s1.X = 9;
        Vec[] pair = new Vec[2];
        pair[0] = pair[1] = new Vec(3, 3);
        pair[0].Y = 7;
        Console.WriteLine(s2.X + " " + pair[1].Y);
        return (int) a.Dot(b);
    }
}
