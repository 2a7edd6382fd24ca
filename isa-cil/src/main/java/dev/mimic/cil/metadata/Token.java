package dev.mimic.cil.metadata;

/**
 * A metadata token (ECMA-335 II.22, III.1.9): a table and a 1-based row. Coded indexes, signature
 * type references and instruction operands all decode to tokens, so the rest of the machine sees one
 * kind of reference.
 */
public record Token(Table table, int row) {

    /** The 32-bit form: table number in the top byte, row below. */
    public int value() {
        return table.number() << 24 | row;
    }

    @Override
    public String toString() {
        return "%s 0x%08x".formatted(table.specName(), value());
    }
}
