package dev.mimic.pcode.compiler.semantic;

import dev.mimic.pcode.compiler.types.RecordType;

/**
 * The record variable a with statement opened (ISO 7185 6.8.3.10), as its field identifiers
 * reach it: at a fixed place when the record variable is a whole variable, else through the
 * frame cell where its address was saved when the with statement began.
 *
 * @param direct whether {@code level}/{@code offset} are the record's own place
 * @param level the static level of the record (direct) or of the saved address (indirect)
 * @param offset the record's address (direct) or the saved address's cell (indirect)
 * @param packed whether the record is a component of a packed structure
 */
public record WithRecord(RecordType type, boolean direct, int level, int offset, boolean packed) {
}
