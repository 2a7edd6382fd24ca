// binary-trees (Computer Language Benchmarks Game workload), written for Mimic: allocate and walk
// many short-lived complete binary trees and one long-lived tree.
using System;

class TreeNode {
    TreeNode left, right;
    TreeNode(TreeNode l, TreeNode r) { left = l; right = r; }
    public static TreeNode Bottom(int depth) {
        return depth > 0 ? new TreeNode(Bottom(depth - 1), Bottom(depth - 1)) : new TreeNode(null, null);
    }
    public int Check() { return left == null ? 1 : 1 + left.Check() + right.Check(); }
}

class BinaryTrees {
    static void Main(string[] args) {
        int n = args.Length > 0 ? int.Parse(args[0]) : 10;
        int maxDepth = Math.Max(6, n);
        int stretch = maxDepth + 1;
        Console.WriteLine("stretch tree of depth " + stretch + "\t check: " + TreeNode.Bottom(stretch).Check());
        TreeNode longLived = TreeNode.Bottom(maxDepth);
        for (int depth = 4; depth <= maxDepth; depth += 2) {
            int iterations = 1 << (maxDepth - depth + 4);
            int check = 0;
            for (int i = 0; i < iterations; i++) check += TreeNode.Bottom(depth).Check();
            Console.WriteLine(iterations + "\t trees of depth " + depth + "\t check: " + check);
        }
        Console.WriteLine("long lived tree of depth " + maxDepth + "\t check: " + longLived.Check());
    }
}
