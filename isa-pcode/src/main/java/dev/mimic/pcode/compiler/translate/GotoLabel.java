package dev.mimic.pcode.compiler.translate;

import org.antlr.v4.runtime.Token;

/**
 * A label declared in a block (ISO 7185 6.2.1), with the bookkeeping pcom uses to enforce the
 * rules of 6.8.1 on where a goto may lead: the statement nesting level of the label's
 * definition, whether that statement sequence is still open, and the shallowest level a goto
 * to it was seen at.
 */
final class GotoLabel {
    final long value;
    final int codeLabel;
    final int blockLevel;
    final Token declaration;
    boolean defined;
    int statementLevel;
    boolean active;
    boolean referenced;
    boolean referencedFromInnerBlock;
    int shallowestGoto = Integer.MAX_VALUE;

    GotoLabel(long value, int codeLabel, int blockLevel, Token declaration) {
        this.value = value;
        this.codeLabel = codeLabel;
        this.blockLevel = blockLevel;
        this.declaration = declaration;
    }
}
