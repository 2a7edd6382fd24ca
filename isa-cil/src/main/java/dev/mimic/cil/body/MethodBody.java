package dev.mimic.cil.body;

import dev.mimic.cil.metadata.Token;
import java.util.List;

/**
 * A method's CIL body (ECMA-335 II.25.4): its code, maximum stack depth, the StandAloneSig token of
 * its locals (null when it has none) and its exception clauses, all checked to lie inside the code.
 */
public record MethodBody(int maxStack, boolean initLocals, byte[] code, Token localsSignature,
        List<ExceptionClause> clauses) {
}
