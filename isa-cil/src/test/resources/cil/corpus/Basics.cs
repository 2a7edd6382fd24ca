using System;
class Animal { public string Name; public Animal(string n) { Name = n; } public virtual string Speak() { return "..."; } }
class Dog : Animal { public Dog(string n) : base(n) {} public override string Speak() { return "Woof"; } }
interface IShape { double Area(); }
struct Point { public int X, Y; public Point(int x, int y) { X = x; Y = y; } public int Sum() { return X + Y; } }
class Sq : IShape { double s; public Sq(double s) { this.s = s; } public double Area() { return s * s; } }
class P {
  static int counter = 5;
  static int Main(string[] args) {
    Console.WriteLine("Hello, World!");
    Animal a = new Dog("Rex");
    Console.WriteLine(a.Name + " says " + a.Speak());
    IShape s = new Sq(1.5);
    Console.WriteLine(s.Area());
    Point p = new Point(3, 4); Point q = p; q.X = 10;
    Console.WriteLine("{0} {1} {2}", p.X, q.X, p.Sum());
    object o = 42; int back = (int)o;
    Console.WriteLine(back + counter);
    try { int z = 0; Console.WriteLine(10 / z); } catch (DivideByZeroException e) { Console.WriteLine("caught " + e.Message); }
    finally { Console.WriteLine("finally"); }
    try { throw new InvalidOperationException("boom"); } catch (Exception e) { Console.WriteLine(e.GetType().Name + ": " + e.Message); }
    Console.WriteLine(args.Length);
    return 3;
  }
}
