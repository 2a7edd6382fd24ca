// Classes, inheritance, virtual and interface dispatch, new slots, abstract members, static
// constructors, static and instance fields, casts and type tests, boxing.
using System;

interface IArea { double Area(); string Name { get; } }
interface ICounter { int Next(); }

abstract class Shape : IArea {
    public static int Created;
    static Shape() { Console.WriteLine("Shape cctor"); }
    protected Shape() { Created++; }
    public abstract double Area();
    public virtual string Name { get { return "shape"; } }
    public override string ToString() { return Name + " " + Area(); }
}

class Circle : Shape {
    double r;
    public Circle(double r) { this.r = r; }
    public override double Area() { return 3.0 * r * r; }
    public override string Name { get { return "circle"; } }
}

class Rect : Shape, ICounter {
    protected int w, h, n;
    public Rect(int w, int h) { this.w = w; this.h = h; }
    public override double Area() { return w * h; }
    public int Next() { return ++n; }
}

class Square : Rect {
    public Square(int s) : base(s, s) { }
    public new string Name { get { return "square"; } }
    public override double Area() { return base.Area() + 0.5; }
}

class Node {
    public int Value;
    public Node Next;
    public Node(int v, Node next) { Value = v; Next = next; }
}

class Objects {
    static int Sum(Node n) { int s = 0; while (n != null) { s += n.Value; n = n.Next; } return s; }

    static int Main() {
        Console.WriteLine("start");
        Shape[] shapes = { new Circle(1), new Rect(2, 3), new Square(2) };
        foreach (Shape s in shapes) Console.WriteLine(s);
        foreach (IArea a in shapes) Console.WriteLine(a.Name + " " + a.Area());
        Square sq = (Square) shapes[2];
        Console.WriteLine(sq.Name + " " + ((Shape) sq).Name);
        ICounter c = sq;
        c.Next(); c.Next();
        Console.WriteLine(c.Next());
        Console.WriteLine(Shape.Created);
        Console.WriteLine(shapes[0] is Rect);
        Console.WriteLine(shapes[2] is Rect);
        Console.WriteLine((shapes[1] as ICounter) != null);
        Console.WriteLine((shapes[0] as ICounter) == null);
        Node list = null;
        for (int i = 1; i <= 10; i++) list = new Node(i, list);
        Console.WriteLine(Sum(list));
        object boxed = 7;
        object other = 7L;
        Console.WriteLine(boxed is int);
        Console.WriteLine(other is int);
        Console.WriteLine((int) boxed + (long) other);
        Console.WriteLine(boxed.Equals(7));
        Console.WriteLine(new object() == null);
        return Shape.Created;
    }
}
