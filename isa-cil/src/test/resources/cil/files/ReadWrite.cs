using System;
using System.IO;

// File's one-call helpers and their failures, run in an empty folder.
class ReadWrite {
    static void Main() {
        File.WriteAllText("a.txt", "hello\nworld\n");
        Console.WriteLine(File.Exists("a.txt"));
        Console.Write(File.ReadAllText("a.txt"));
        foreach (var l in File.ReadAllLines("a.txt")) Console.WriteLine("[" + l + "]");
        File.AppendAllText("a.txt", "more\n");
        Console.WriteLine(File.ReadAllText("a.txt").Length);
        File.WriteAllText("kept.txt", "this file stays\n");
        File.Delete("a.txt");
        Console.WriteLine(File.Exists("a.txt"));
        try { File.Delete("sub/none.txt"); } catch (Exception e) { Console.WriteLine(e.GetType().Name); }
        try { File.ReadAllText("."); } catch (Exception e) { Console.WriteLine(e.GetType().Name); }
    }
}
