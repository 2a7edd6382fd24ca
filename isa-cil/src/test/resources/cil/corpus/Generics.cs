// User-defined generic types and methods, reified over value and reference types, with
// interface constraints and static fields per instantiation.
using System;

interface IHasKey { int Key { get; } }

class Item : IHasKey {
    int k; public Item(int k) { this.k = k; }
    public int Key { get { return k; } }
    public override string ToString() { return "Item" + k; }
}

class Stack<T> {
    T[] items = new T[2];
    int count;
    public static int Instances;
    public Stack() { Instances++; }
    public void Push(T item) {
        if (count == items.Length) {
            T[] bigger = new T[count * 2];
            for (int i = 0; i < count; i++) bigger[i] = items[i];
            items = bigger;
        }
        items[count++] = item;
    }
    public T Pop() { return items[--count]; }
    public int Count { get { return count; } }
}

struct Pair<A, B> {
    public A First; public B Second;
    public Pair(A a, B b) { First = a; Second = b; }
    public override string ToString() { return "<" + First + ", " + Second + ">"; }
}

class Generics {
    static T Max<T>(T[] values) where T : IHasKey {
        T best = values[0];
        foreach (T v in values) if (v.Key > best.Key) best = v;
        return best;
    }

    static void Swap<T>(ref T a, ref T b) { T t = a; a = b; b = t; }

    static int Main() {
        Stack<int> ints = new Stack<int>();
        for (int i = 0; i < 10; i++) ints.Push(i * i);
        int sum = 0;
        while (ints.Count > 0) sum += ints.Pop();
        Console.WriteLine(sum);
        Stack<string> strs = new Stack<string>();
        strs.Push("a"); strs.Push("b"); strs.Push("c");
        Console.WriteLine(strs.Pop() + strs.Pop() + strs.Pop());
        new Stack<int>();
        Console.WriteLine(Stack<int>.Instances + " " + Stack<string>.Instances + " " + Stack<double>.Instances);
        Console.WriteLine(Max(new Item[] { new Item(3), new Item(9), new Item(4) }));
        var p = new Pair<int, string>(1, "one");
        Console.WriteLine(p);
        string x = "x", y = "y";
        Swap(ref x, ref y);
        int m = 1, n = 2;
        Swap(ref m, ref n);
        Console.WriteLine(x + y + m + n);
        return sum % 256;
    }
}
