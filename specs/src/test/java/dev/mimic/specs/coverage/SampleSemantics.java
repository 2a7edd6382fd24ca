package dev.mimic.specs.coverage;

/** Semantics for sample.isa: some methods public, some package-private, one private (which does not count). */
public class SampleSemantics {

    public static void lod(int level, int offset) {}

    void _0branch() {}

    private void add() {}
}
