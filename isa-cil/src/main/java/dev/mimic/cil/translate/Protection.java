package dev.mimic.cil.translate;

import dev.mimic.backend.ir.Temp;
import dev.mimic.cil.body.ExceptionClause;
import java.util.ArrayList;
import java.util.List;

/**
 * The exception clauses of one method body (II.19, II.25.4.6) grouped by protected range, with the
 * IR pieces each needs: a dispatch block per range (where a thrown exception lands and is matched
 * against the clauses in order), and per finally or fault clause the continuation variable that
 * tells its {@code endfinally} where to go next (0: rethrow the pending exception; n: the n-th
 * {@code leave} continuation).
 */
final class Protection {
    /** One protected range and its clauses, in the order they are tried. */
    static final class Try {
        final int start;
        final int end;
        final List<Clause> clauses = new ArrayList<>();
        int dispatch = -1;

        Try(int start, int end) {
            this.start = start;
            this.end = end;
        }

        boolean covers(int offset) {
            return offset >= start && offset < end;
        }
    }

    /** A clause with its translation state. */
    static final class Clause {
        final ExceptionClause clause;
        /** The exception this handler runs for (catch, filter: for rethrow; finally, fault: to rethrow at the end). */
        Temp exception;
        /** Finally and fault: which continuation {@code endfinally} takes. */
        Temp continuation;
        /** Finally and fault: continuation blocks, index 0 unused (rethrow). */
        final List<Integer> continuations = new ArrayList<>(java.util.Collections.singletonList(-1));
        /** Finally and fault: the block that dispatches on {@link #continuation}, or -1. */
        int endBlock = -1;
        /** Filter: the dispatch block that tries the next clause when the filter declines. */
        int declined = -1;

        Clause(ExceptionClause clause) {
            this.clause = clause;
        }

        boolean inHandler(int offset) {
            return offset >= clause.handlerOffset() && offset < clause.handlerOffset() + clause.handlerLength();
        }

        boolean inFilter(int offset) {
            return clause.kind() == ExceptionClause.Kind.FILTER && offset >= clause.filterOffset()
                    && offset < clause.handlerOffset();
        }
    }

    final List<Try> tries = new ArrayList<>();

    Protection(List<ExceptionClause> clauses) {
        for (ExceptionClause c : clauses) {
            int end = c.tryOffset() + c.tryLength();
            Try t = tries.stream().filter(x -> x.start == c.tryOffset() && x.end == end).findFirst().orElse(null);
            if (t == null) {
                t = new Try(c.tryOffset(), end);
                tries.add(t);
            }
            t.clauses.add(new Clause(c));
        }
    }

    /** The innermost protected range covering {@code offset}, other than {@code except}; null if none. */
    Try innermost(int offset, Try except) {
        Try best = null;
        for (Try t : tries) {
            if (t != except && t.covers(offset) && (best == null || t.end - t.start < best.end - best.start)) {
                best = t;
            }
        }
        return best;
    }

    /** The innermost clause whose handler (or filter) holds {@code offset}. */
    Clause handlerAt(int offset) {
        Clause best = null;
        for (Try t : tries) {
            for (Clause c : t.clauses) {
                if ((c.inHandler(offset) || c.inFilter(offset)) && (best == null
                        || c.clause.handlerLength() < best.clause.handlerLength())) {
                    best = c;
                }
            }
        }
        return best;
    }

    /** The finally clauses a {@code leave} from {@code from} to {@code to} runs, innermost first (III.3.46). */
    List<Clause> finalliesCrossed(int from, int to) {
        List<Clause> out = new ArrayList<>();
        for (Try t : tries) {
            if (t.covers(from) && !t.covers(to)) {
                for (Clause c : t.clauses) {
                    if (c.clause.kind() == ExceptionClause.Kind.FINALLY) {
                        out.add(c);
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(c -> c.clause.tryLength()));
        return out;
    }

    /** Every offset where a block must start because a range or handler begins or ends there. */
    List<Integer> boundaries() {
        List<Integer> out = new ArrayList<>();
        for (Try t : tries) {
            out.add(t.start);
            out.add(t.end);
            for (Clause c : t.clauses) {
                out.add(c.clause.handlerOffset());
                out.add(c.clause.handlerOffset() + c.clause.handlerLength());
                if (c.clause.kind() == ExceptionClause.Kind.FILTER) {
                    out.add(c.clause.filterOffset());
                }
            }
        }
        return out;
    }
}
