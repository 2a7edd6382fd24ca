// The cil program of the start-up training run (StartupTraining). hello.exe is built from it with
//   mcs -out:hello.exe hello.cs
class Hello { static void Main() { System.Console.WriteLine("Hello, world!"); } }
