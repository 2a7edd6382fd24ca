// mandelbrot (Computer Language Benchmarks Game workload), written for Mimic: the Mandelbrot set on
// an N x N grid; prints a checksum of the bitmap instead of the PBM image.
using System;

class Mandelbrot {
    static void Main(string[] args) {
        int n = args.Length > 0 ? int.Parse(args[0]) : 200;
        long sum = 0;
        int bits = 0, bit = 0;
        for (int y = 0; y < n; y++) {
            double ci = 2.0 * y / n - 1.0;
            for (int x = 0; x < n; x++) {
                double cr = 2.0 * x / n - 1.5, zr = 0, zi = 0, tr = 0, ti = 0;
                int i = 0;
                for (; i < 50 && tr + ti <= 4.0; i++) {
                    zi = 2.0 * zr * zi + ci;
                    zr = tr - ti + cr;
                    tr = zr * zr;
                    ti = zi * zi;
                }
                bits = bits << 1 | (tr + ti <= 4.0 ? 1 : 0);
                if (++bit == 8) { sum = sum * 31 + bits; bits = 0; bit = 0; }
            }
        }
        Console.WriteLine(n + " " + sum);
    }
}
