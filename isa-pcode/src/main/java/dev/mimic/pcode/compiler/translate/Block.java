package dev.mimic.pcode.compiler.translate;

import dev.mimic.pcode.compiler.semantic.RoutineSymbol;
import dev.mimic.pcode.compiler.semantic.Symbol;
import dev.mimic.pcode.compiler.semantic.VariableSymbol;
import dev.mimic.pcode.compiler.types.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * The frame of the block being compiled: its static level, the next free frame offset
 * (locals grow downwards from the mark stack, pcom's lc), the lowest offset used so far (the
 * frame size, pcom's lcmin), its labels and the nesting level of the current statement.
 */
final class Block {
    final Block outer;
    final int level;
    final RoutineSymbol owner;
    final Map<Long, GotoLabel> labels = new LinkedHashMap<>();
    final List<Symbol> parameters = new ArrayList<>();
    final List<VariableSymbol> locals = new ArrayList<>();
    /** Routines declared forward here whose blocks have not come yet (6.6.1). */
    final Map<RoutineSymbol, ParserRuleContext> forwards = new LinkedHashMap<>();
    int nextOffset = -Target.MARK_SIZE;
    int lowestOffset = -Target.MARK_SIZE;
    int statementLevel;

    /**
     * @param owner the routine whose block this is; null for the program block
     */
    Block(Block outer, int level, RoutineSymbol owner) {
        this.outer = outer;
        this.level = level;
        this.owner = owner;
    }

    /** Reserves {@code size} bytes aligned to {@code alignment} below the current ones. */
    int allocate(int size, int alignment) {
        nextOffset = Target.alignDown(nextOffset - size, alignment);
        lowestOffset = Math.min(lowestOffset, nextOffset);
        return nextOffset;
    }

    /** Opens a nested statement (pcom: addlvl). */
    void enterStatement() {
        statementLevel++;
    }

    /**
     * Closes a nested statement (pcom: sublvl): labels defined inside it can no longer be
     * reached, and gotos seen inside it now count as gotos from the enclosing level.
     */
    void leaveStatement() {
        statementLevel--;
        for (GotoLabel label : labels.values()) {
            if (label.statementLevel > statementLevel) {
                label.active = false;
            }
            if (label.referenced && label.shallowestGoto > statementLevel) {
                label.shallowestGoto = statementLevel;
            }
        }
    }
}
