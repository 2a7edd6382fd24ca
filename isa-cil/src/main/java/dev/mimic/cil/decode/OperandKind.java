package dev.mimic.cil.decode;

import dev.mimic.cil.metadata.Table;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The inline operand kinds of ECMA-335 Partition III 1.2, as {@code cil.isa} names them: how many
 * bytes follow the opcode and, for tokens, which tables they may name.
 */
public enum OperandKind {
    NONE(0),
    INT8(1),
    UINT8(1),
    INT32(4),
    INT64(8),
    FLOAT32(4),
    FLOAT64(8),
    VAR8(1),
    VAR16(2),
    BRTARGET8(1),
    BRTARGET32(4),
    /** A count and that many 4-byte targets; its size is computed while decoding. */
    SWITCH(-1),
    METHOD(4, Table.METHOD_DEF, Table.MEMBER_REF, Table.METHOD_SPEC),
    FIELD(4, Table.FIELD, Table.MEMBER_REF),
    TYPE(4, Table.TYPE_DEF, Table.TYPE_REF, Table.TYPE_SPEC),
    TOK(4, Table.TYPE_DEF, Table.TYPE_REF, Table.TYPE_SPEC, Table.METHOD_DEF, Table.MEMBER_REF, Table.METHOD_SPEC,
            Table.FIELD),
    /** A #US token (table byte 0x70), not a table row. */
    STRING(4),
    SIG(4, Table.STAND_ALONE_SIG);

    private final int size;
    private final Set<Table> tables;

    OperandKind(int size, Table... tables) {
        this.size = size;
        this.tables = tables.length == 0 ? Set.of() : EnumSet.of(tables[0], tables);
    }

    /** The operand's size in bytes; -1 for {@link #SWITCH}. */
    public int size() {
        return size;
    }

    /** The tables a token operand may name; empty for non-table operands. */
    public Set<Table> tables() {
        return tables;
    }

    /** The kind {@code cil.isa} writes as {@code name} ({@code brtarget8}, {@code method}...). */
    public static OperandKind ofSpecName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
