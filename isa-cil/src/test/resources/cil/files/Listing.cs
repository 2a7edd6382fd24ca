using System;
using System.IO;
using System.Linq;

// Creates a few files and folders, then lists them: the names come back in no fixed order, so
// each listing is sorted (ordinal) before it is printed.
class Listing {
    static void Show(string what, string[] names) {
        Array.Sort(names, StringComparer.Ordinal);
        Console.WriteLine(what + ": " + string.Join(", ", names));
    }

    static void Main() {
        Directory.CreateDirectory("top/sub");
        Directory.CreateDirectory("top/other");
        File.WriteAllText("top/b.txt", "b");
        File.WriteAllText("top/a.txt", "a");
        File.WriteAllText("top/c.log", "c");
        File.WriteAllText("top/sub/d.txt", "d");
        Show("files", Directory.GetFiles("top"));
        Show("txt", Directory.GetFiles("top", "*.txt"));
        Show("?.log", Directory.GetFiles("top", "?.log"));
        Show("none", Directory.GetFiles("top", "*.cs"));
        Show("folders", Directory.GetDirectories("top"));
        Show("deep", Directory.GetFiles("top", "*.txt", SearchOption.AllDirectories));
        Show("enumerated", Directory.EnumerateFiles("top").Select(Path.GetFileName).ToArray());
        Show("entries", Directory.GetFileSystemEntries("top"));
        Show("empty", Directory.GetFiles("top/other"));
        try { Directory.GetFiles("missing"); } catch (DirectoryNotFoundException e) { Console.WriteLine(e.GetType().Name); }
        try { Directory.GetFiles("top/a.txt"); } catch (IOException e) { Console.WriteLine(e.GetType().Name); }
    }
}
