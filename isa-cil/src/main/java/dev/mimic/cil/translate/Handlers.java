package dev.mimic.cil.translate;

import dev.mimic.backend.ir.Op;
import dev.mimic.backend.ir.Temp;
import dev.mimic.cil.body.ExceptionClause;
import java.util.List;

/**
 * Leaving protected regions and handlers (III.3.46 leave, III.3.35 endfinally, III.3.34 endfilter,
 * III.4.24 rethrow). A {@code leave} that crosses finally clauses runs them innermost first: it
 * sets each clause's continuation variable to a continuation registered with that clause and
 * jumps into the handler, whose {@code endfinally} dispatches on the variable.
 */
final class Handlers {
    private Handlers() {
    }

    static void leave(Translation t, int target) {
        t.clearStack();
        List<Protection.Clause> crossed = t.protection.finalliesCrossed(t.offset(), target);
        if (crossed.isEmpty()) {
            t.jumpTo(target);
            return;
        }
        int here = t.b.currentBlock();
        int next = t.b.newBlock();
        t.switchTo(next);
        t.jumpTo(target);
        for (int n = crossed.size() - 1; n >= 0; n--) {
            Protection.Clause c = crossed.get(n);
            int index = c.continuations.size();
            c.continuations.add(next);
            int enter = n == 0 ? here : t.b.newBlock();
            t.switchTo(enter);
            t.b.assign(t.continuation(c), t.b.i32(index));
            t.jumpTo(c.clause.handlerOffset());
            next = enter;
        }
    }

    static void endfinally(Translation t) {
        Protection.Clause c = t.protection.handlerAt(t.offset());
        if (c == null || (c.clause.kind() != ExceptionClause.Kind.FINALLY && c.clause.kind() != ExceptionClause.Kind.FAULT)) {
            throw t.invalid("endfinally outside a finally or fault handler");
        }
        t.clearStack();
        t.b.jump(t.endBlock(c));
    }

    static void endfilter(Translation t) {
        Protection.Clause c = t.protection.handlerAt(t.offset());
        if (c == null || c.clause.kind() != ExceptionClause.Kind.FILTER) {
            throw t.invalid("endfilter outside a filter");
        }
        Temp accepted = t.pop();
        int run = t.b.newBlock();
        t.b.branch(t.b.binary(Op.NE, accepted, t.b.i32(0)), run, c.declined);
        t.switchTo(run);
        t.clearStack();
        t.push(c.exception);
        t.jumpTo(c.clause.handlerOffset());
    }

    static void rethrow(Translation t) {
        Protection.Clause c = t.protection.handlerAt(t.offset());
        if (c == null || c.clause.kind() != ExceptionClause.Kind.CATCH && c.clause.kind() != ExceptionClause.Kind.FILTER) {
            throw t.invalid("rethrow outside a catch handler");
        }
        t.b.throwRef(t.op("rethrowing", c.exception));
    }
}
