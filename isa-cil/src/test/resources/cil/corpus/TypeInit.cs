// A static constructor that throws: the trigger gets TypeInitializationException with the
// exception inside, and so does every later use of the type.
using System;
class Bad { public static int X = Compute(); static int Compute() { throw new InvalidOperationException("no"); } }
class Worse { static Worse() { throw new ArgumentException("cctor"); } public static void Touch() { } }
class TypeInit { static void Main() {
  try { Worse.Touch(); } catch (TypeInitializationException e) { Console.WriteLine(e.Message + " | " + e.InnerException.Message + " | " + e.TypeName); }
  try { Worse.Touch(); } catch (Exception e) { Console.WriteLine(e.GetType().Name + " " + e.Message); }
} }
