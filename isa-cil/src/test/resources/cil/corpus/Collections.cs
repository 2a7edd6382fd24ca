// The class library's own generic collections, run from mscorlib's CIL: List<T>, Dictionary<K,V>
// and StringBuilder, with foreach over their enumerators.
using System;
using System.Collections.Generic;
using System.Text;

class Collections {
    static int Main() {
        List<int> list = new List<int>();
        for (int i = 0; i < 20; i++) list.Add(i * 3 % 7);
        list.Sort();
        int sum = 0;
        foreach (int v in list) sum += v;
        Console.WriteLine(list.Count + " " + sum + " " + list[5] + " " + list.Contains(6) + " " + list.IndexOf(4));
        list.RemoveAt(0);
        list.Insert(0, 99);
        Console.WriteLine(list[0] + " " + list.Count);
        List<string> words = new List<string> { "pear", "apple", "fig" };
        words.Sort(string.CompareOrdinal);
        Console.WriteLine(string.Join(" ", words.ToArray()));
        Dictionary<string, int> ages = new Dictionary<string, int>();
        ages["ada"] = 36;
        ages["alan"] = 41;
        ages["grace"] = 85;
        ages["ada"] = 37;
        int age;
        Console.WriteLine(ages.Count + " " + ages["ada"] + " " + ages.ContainsKey("alan") + " " + ages.TryGetValue("bob", out age) + " " + age);
        int total = 0;
        foreach (KeyValuePair<string, int> kv in ages) total += kv.Value;
        Console.WriteLine(total);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) sb.Append(i).Append(',');
        sb.Append("end");
        Console.WriteLine(sb.ToString() + " " + sb.Length);
        return list.Count;
    }
}
