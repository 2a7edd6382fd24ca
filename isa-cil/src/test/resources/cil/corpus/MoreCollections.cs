// Collections from System.dll and System.Core (Queue, Stack, HashSet, SortedDictionary), dictionary
// key views, List.Reverse, String.Join over IEnumerable<T>, interpolated strings, LINQ aggregates.
using System;
using System.Collections.Generic;
using System.Linq;
class MoreCollections { static int Main() {
  var d = new Dictionary<string, int> { { "b", 2 }, { "a", 1 } };
  foreach (var k in d.Keys) Console.Write(k); Console.WriteLine();
  var q = new Queue<int>(); q.Enqueue(1); q.Enqueue(2); Console.WriteLine(q.Dequeue() + q.Count);
  var st = new Stack<string>(); st.Push("x"); st.Push("y"); Console.WriteLine(st.Pop() + st.Peek());
  var hs = new HashSet<int> { 1, 2, 2, 3 }; Console.WriteLine(hs.Count + " " + hs.Contains(2));
  var l = new List<int> { 1, 2, 3 }; l.Reverse(); Console.WriteLine(string.Join(",", l));
  Console.WriteLine($"interp {l[0]} {l.Count * 2}");
  var sorted = new SortedDictionary<string, int> { { "z", 1 }, { "m", 2 } }; Console.WriteLine(sorted.First().Key);
  Console.WriteLine(Enumerable.Range(1, 5).Aggregate((x, y) => x * y));
  Console.WriteLine(new string[] { "b", "a" }.OrderBy(s => s).First());
  return 0; } }
