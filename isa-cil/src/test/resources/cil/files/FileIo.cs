using System;
using System.IO;
using System.Text;
class P {
  static void Main() {
    Directory.CreateDirectory("dir/sub");
    Console.WriteLine(Directory.Exists("dir/sub") + " " + Directory.Exists("nodir"));
    using (var w = new StreamWriter("dir/data.txt")) {
      for (int i = 0; i < 5; i++) w.WriteLine("line {0}: {1}", i, i * i);
      w.Write('x'); w.WriteLine("end");
    }
    using (var r = new StreamReader("dir/data.txt")) {
      string l; int n = 0;
      while ((l = r.ReadLine()) != null) { n++; Console.WriteLine(n + "> " + l); }
    }
    using (var fs = new FileStream("dir/bytes.bin", FileMode.Create)) {
      for (int i = 0; i < 300; i++) fs.WriteByte((byte)i);
      fs.Seek(10, SeekOrigin.Begin);
      fs.Write(new byte[] {1, 2, 3}, 0, 3);
      Console.WriteLine("pos " + fs.Position + " len " + fs.Length);
    }
    using (var fs = File.OpenRead("dir/bytes.bin")) {
      var buf = new byte[16];
      int got = fs.Read(buf, 0, 16);
      Console.WriteLine(got + ": " + BitConverter.ToString(buf));
      fs.Seek(-4, SeekOrigin.End);
      Console.WriteLine(fs.ReadByte() + " " + fs.ReadByte());
    }
    File.WriteAllLines("dir/sub/lines.txt", new[] {"a", "b", "c"});
    File.AppendAllText("dir/sub/lines.txt", "d\n");
    Console.WriteLine(string.Join(",", File.ReadAllLines("dir/sub/lines.txt")));
    File.WriteAllBytes("dir/raw", Encoding.UTF8.GetBytes("héllo"));
    Console.WriteLine(File.ReadAllBytes("dir/raw").Length + " " + File.ReadAllText("dir/raw"));
    File.Copy("dir/raw", "dir/raw2");
    File.Move("dir/raw2", "dir/sub/raw3");
    Console.WriteLine(Path.Combine("a", "b", "c.txt") + " " + Path.GetFileName("x/y/z.cs") + " " + Path.GetExtension("q.tar.gz")
      + " " + Path.GetFileNameWithoutExtension("/p/q.txt") + " " + Path.GetDirectoryName("/p/q/r.txt") + " " + Path.ChangeExtension("a.b", ".c"));
    Console.WriteLine(Path.GetFullPath("dir/../dir/sub") == Path.Combine(Directory.GetCurrentDirectory(), "dir/sub"));
    Console.WriteLine(Path.IsPathRooted("/x") + " " + Path.IsPathRooted("x") + " " + Path.HasExtension("a.txt"));
    File.Delete("dir/raw");
    Console.WriteLine(File.Exists("dir/raw") + " " + File.Exists("dir/sub/raw3") + " " + new FileInfo("dir/sub/raw3").Length);
    try { File.ReadAllText("missing.txt"); } catch (FileNotFoundException e) { Console.WriteLine(e.Message); }
    try { File.ReadAllText("nodir/missing.txt"); } catch (DirectoryNotFoundException e) { Console.WriteLine(e.Message); }
    try { new FileStream("dir/raw", FileMode.Open); } catch (IOException e) { Console.WriteLine(e.GetType().Name); }
    try { File.Copy("dir/sub/raw3", "dir/data.txt"); } catch (IOException e) { Console.WriteLine(e.Message); }
    try { Directory.Delete("dir"); } catch (IOException e) { Console.WriteLine(e.GetType().Name); }
  }
}
