package dev.mimic.cil.metadata;

/** What a metadata table column holds, which decides its width (ECMA-335 II.22, II.24.2.6). */
public enum ColumnKind {
    /** A 1-byte constant followed by a padding byte (Constant.Type). */
    U1_PAD,
    U2,
    U4,
    /** An offset into #Strings. */
    STRING,
    /** A 1-based index into #GUID. */
    GUID,
    /** An offset into #Blob. */
    BLOB,
    /** A row of one table, or 0. */
    INDEX,
    /** The first row of a run owned by this row (TypeDef.FieldList...); may be one past the end. */
    LIST,
    /** A coded index over several tables. */
    CODED
}
