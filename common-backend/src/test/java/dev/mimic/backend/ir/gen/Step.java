package dev.mimic.backend.ir.gen;

/**
 * One step of a {@link Recipe}: {@code op} selects what to emit, the other fields select operands,
 * types and constants. Any values make a well-typed step, so jqwik can shrink them freely.
 */
public record Step(int op, int a, int b, int c, long value) {
    @Override
    public String toString() {
        return "Step(" + op + "," + a + "," + b + "," + c + "," + value + "L)";
    }
}
