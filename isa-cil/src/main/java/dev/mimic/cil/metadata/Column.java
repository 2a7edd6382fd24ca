package dev.mimic.cil.metadata;

/**
 * One column of a metadata table: its name as ECMA-335 II.22 spells it, its kind, for index columns
 * the target table number or the coded index kind, and whether II.22 lets the index be nil (only a
 * few coded indexes may: TypeDef.Extends, TypeRef.ResolutionScope, ManifestResource.Implementation).
 */
public record Column(String name, ColumnKind kind, int target, CodedIndex coded, boolean nullable) {

    static Column u1Pad(String name) {
        return new Column(name, ColumnKind.U1_PAD, -1, null, false);
    }

    static Column u2(String name) {
        return new Column(name, ColumnKind.U2, -1, null, false);
    }

    static Column u4(String name) {
        return new Column(name, ColumnKind.U4, -1, null, false);
    }

    static Column string(String name) {
        return new Column(name, ColumnKind.STRING, -1, null, false);
    }

    static Column guid(String name) {
        return new Column(name, ColumnKind.GUID, -1, null, false);
    }

    static Column blob(String name) {
        return new Column(name, ColumnKind.BLOB, -1, null, false);
    }

    static Column index(String name, int table) {
        return new Column(name, ColumnKind.INDEX, table, null, false);
    }

    static Column list(String name, int table) {
        return new Column(name, ColumnKind.LIST, table, null, false);
    }

    static Column coded(String name, CodedIndex coded) {
        return new Column(name, ColumnKind.CODED, -1, coded, false);
    }

    static Column codedOrNil(String name, CodedIndex coded) {
        return new Column(name, ColumnKind.CODED, -1, coded, true);
    }
}
