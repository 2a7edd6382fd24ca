// System.String on the class library's API: concatenation, comparison, searching, slicing,
// formatting, char arrays, and ToString of user objects.
using System;

class Person {
    string name; int age;
    public Person(string n, int a) { name = n; age = a; }
    public override string ToString() { return name + " (" + age + ")"; }
}

class Strings {
    static int Main(string[] args) {
        string s = "Hello";
        s += ", " + "World";
        Console.WriteLine(s);
        Console.WriteLine(s.Length + " " + s[4] + " " + s.IndexOf('W') + " " + s.IndexOf("lo"));
        Console.WriteLine(s.Substring(7) + "|" + s.Substring(0, 5) + "|" + s.ToUpper() + "|" + s.ToLower());
        Console.WriteLine(s.Contains("World") + " " + s.StartsWith("He") + " " + s.EndsWith("x"));
        Console.WriteLine(s == "Hello, World" ? "equal" : "different");
        Console.WriteLine("  pad ".Trim() + "|" + "7".PadLeft(3) + "|" + "7".PadRight(3) + "|");
        Console.WriteLine(s.Replace("l", "L"));
        char[] chars = s.ToCharArray();
        Array.Reverse(chars);
        Console.WriteLine(new string(chars));
        Console.WriteLine(new string('*', 5));
        Console.WriteLine(String.Join(",", args));
        Console.WriteLine(new Person("Ada", 36));
        Console.WriteLine("{0} and {1}", new Person("Alan", 41), null);
        Console.WriteLine(String.Concat("a", 1, 'b', 2.5));
        Console.WriteLine(string.IsNullOrEmpty("") + " " + string.IsNullOrEmpty(s));
        int total = 0;
        foreach (char c in s) total += c;
        Console.WriteLine(total);
        return s.Length;
    }
}
