// Unsafe code: unmanaged pointers to stackalloc blocks, pinned arrays and strings (fixed), locals
// and unmanaged memory from Marshal; pointer arithmetic, comparison and difference; structs read
// and written through pointers; sizeof; byte views of wider values; block copies.
using System;
using System.Runtime.InteropServices;

struct Pair { public int A; public byte B; public long C; }
struct Point { public short X, Y; }

unsafe class Pointers {
    static int Sum(int* p, int n) {
        int s = 0;
        for (int* end = p + n; p < end; p++) s += *p;
        return s;
    }

    static long Checksum(byte* p, int n) {
        long h = 17;
        for (int i = 0; i < n; i++) h = h * 31 + p[i];
        return h;
    }

    static int Depth(int n) {
        // Each call's stackalloc block is released when it returns.
        byte* b = stackalloc byte[64];
        for (int i = 0; i < 64; i++) b[i] = (byte) (n + i);
        int below = n > 0 ? Depth(n - 1) : 0;
        return below + b[63];
    }

    static void Fill(Point* points, int n) {
        for (int i = 0; i < n; i++) {
            points[i].X = (short) i;
            points[i].Y = (short) -i;
        }
    }

    static int Main(string[] args) {
        int* squares = stackalloc int[10];
        for (int i = 0; i < 10; i++) squares[i] = i * i;
        Console.WriteLine("stackalloc sum " + Sum(squares, 10));
        Console.WriteLine("depth " + Depth(20));

        int[] numbers = { 1, 2, 3, 4, 5 };
        fixed (int* p = numbers) {
            p[1] = 20;
            *(p + 2) += 100;
            Console.WriteLine("fixed array " + Sum(p, numbers.Length) + " " + (&p[4] - p));
            byte* bytes = (byte*) p;
            Console.WriteLine("bytes of 20: " + bytes[4] + " " + bytes[5] + " checksum " + Checksum(bytes, 20));
        }
        Console.WriteLine("array after fixed " + string.Join(",", numbers));

        double[] ds = { 1.5, -2.25 };
        float[] fs = { 0.5f, 3f };
        fixed (double* d = ds) fixed (float* f = fs) {
            Console.WriteLine("doubles " + *(long*) d + " floats " + *(int*) f + " " + *(int*) (f + 1));
            *(int*) (f + 1) = 0x40800000;
        }
        Console.WriteLine("float written through int* " + fs[1]);

        string s = "pointer";
        int h = 0;
        fixed (char* c = s) {
            for (char* q = c; *q != '\0'; q++) h = h * 31 + *q;
            Console.WriteLine("length before the characters " + *(int*) ((byte*) c - 4));
        }
        Console.WriteLine("string hash " + h);

        int x = 41;
        int* px = &x;
        *px += 1;
        byte* bx = (byte*) px;
        bx[1] = 1;
        Console.WriteLine("local through pointer " + x);

        Console.WriteLine("sizeof " + sizeof(Pair) + " " + sizeof(Point) + " " + sizeof(int*) + " " + sizeof(decimal));
        Pair* pairs = stackalloc Pair[3];
        pairs[1].A = 7;
        pairs[1].B = 200;
        pairs[1].C = -1;
        Pair copy = pairs[1];
        copy.A++;
        pairs[2] = copy;
        Console.WriteLine("structs " + pairs[1].A + " " + pairs[2].A + " " + pairs[2].B + " " + pairs[2].C + " " + pairs[0].C);
        Console.WriteLine("field offsets " + ((byte*) &pairs[1].C - (byte*) &pairs[1]) + " " + ((byte*) &pairs[1].B - (byte*) pairs));

        Point* points = stackalloc Point[4];
        Fill(points, 4);
        Console.WriteLine("points " + points[3].X + "," + points[3].Y + " as int " + *(int*) &points[1]);

        IntPtr block = Marshal.AllocHGlobal(32);
        byte* raw = (byte*) block;
        for (int i = 0; i < 32; i++) raw[i] = (byte) (i * 7);
        Console.WriteLine("hglobal long " + *(long*) (raw + 3) + " ushort " + *(ushort*) (raw + 31 - 1));
        byte[] managed = new byte[8];
        Marshal.Copy(block, managed, 0, 8);
        Console.WriteLine("Marshal.Copy " + string.Join(",", managed));
        Marshal.WriteInt32(block, 4, -5);
        Console.WriteLine("Marshal.ReadInt32 " + Marshal.ReadInt32(block, 4) + " ReadByte " + Marshal.ReadByte(block, 4));
        Marshal.FreeHGlobal(block);

        byte[] source = { 1, 2, 3, 4, 5, 6, 7, 8 };
        byte[] target = new byte[8];
        fixed (byte* from = source, to = target) {
            Buffer.MemoryCopy(from, to + 2, 6, 6);
        }
        Console.WriteLine("MemoryCopy " + string.Join(",", target));

        int* nothing = null;
        try {
            *nothing = 1;
        } catch (NullReferenceException) {
            Console.WriteLine("null pointer store raised NullReferenceException");
        }
        Console.WriteLine("pointer compare " + (squares + 1 > squares) + " " + (squares == squares + 0) + " " + ((long) (squares + 3) - (long) squares));
        return Sum(squares, 3);
    }
}
