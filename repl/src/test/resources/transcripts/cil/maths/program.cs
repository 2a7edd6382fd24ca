using System;

namespace Demo {
    class Maths {
        static int Fact(int n) {
            if (n <= 1) return 1;
            return n * Fact(n - 1);
        }

        static void Main(string[] args) {
            string who = args.Length > 0 ? args[0] : "nobody";
            double half = 0.5;
            Console.WriteLine("hello " + who);
            Console.WriteLine(Fact(3) * half);
        }
    }
}
