using System;
using System.IO;

// Run with the folder it starts in as the sandbox; the folder's parent holds outside.txt and a
// symbolic link "link" in the folder points to the parent. Every escape must fail as a file the
// user may not reach fails under mono (a folder it cannot search makes FileStream report a part
// of the path missing, and a folder it cannot read makes a listing
// report access denied), and nothing may appear outside.
class Sandbox {
    static void Try(string what, Action a) {
        try { a(); Console.WriteLine(what + ": allowed"); }
        catch (Exception e) { Console.WriteLine(what + ": " + e.GetType().Name); }
    }

    static void Main() {
        File.WriteAllText("inside.txt", "in");
        Console.WriteLine(File.ReadAllText("inside.txt"));
        Console.WriteLine(File.Exists("../outside.txt") + " " + File.Exists("link/outside.txt"));
        Try("read ../", () => File.ReadAllText("../outside.txt"));
        Try("read absolute", () => File.ReadAllText(Path.GetFullPath("../outside.txt")));
        Try("read /etc/passwd", () => File.ReadAllText("/etc/passwd"));
        Try("read through link", () => File.ReadAllText("link/outside.txt"));
        Try("write ../", () => File.WriteAllText("../escape.txt", "x"));
        Try("write sub/../../", () => File.WriteAllText("sub/../../escape.txt", "x"));
        Try("write through link", () => File.WriteAllText("link/escape.txt", "x"));
        Try("delete ../", () => File.Delete("../outside.txt"));
        Try("mkdir ../", () => Directory.CreateDirectory("../escaped"));
        Try("stream ../", () => new FileStream("../outside.txt", FileMode.Open).Dispose());
        Try("list ../", () => Directory.GetFiles(".."));
        Try("list through link", () => Directory.GetFiles("link"));
        Try("list /etc", () => Directory.GetDirectories("/etc"));
        Directory.CreateDirectory("listed");
        File.WriteAllText("listed/f.txt", "f");
        Try("list inside", () => Console.WriteLine(string.Join(" ", Directory.GetFiles("listed"))));
        Try("inside again", () => File.ReadAllText("./sub/../inside.txt"));
        Console.WriteLine(Directory.Exists("..") + " " + Directory.Exists("."));
    }
}
